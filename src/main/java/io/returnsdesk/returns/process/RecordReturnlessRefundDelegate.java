package io.returnsdesk.returns.process;

import io.returnsdesk.returns.internal.ReturnProcessing;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordReturnlessRefund}: the customer keeps the goods; nothing is received
 * and the refund goes to the original payment, recorded in the approver's name.
 */
@Component
class RecordReturnlessRefundDelegate implements JavaDelegate {

	private final ReturnProcessing processing;

	RecordReturnlessRefundDelegate(ReturnProcessing processing) {
		this.processing = processing;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.processing.recordReturnless(ProcessVariables.string(execution, ReturnProcess.VAR_RETURN_NUMBER),
				ProcessVariables.string(execution, ReturnProcess.VAR_APPROVER_ID));
	}

}
