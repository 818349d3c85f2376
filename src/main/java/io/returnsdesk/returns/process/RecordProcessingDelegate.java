package io.returnsdesk.returns.process;

import io.returnsdesk.returns.ReturnProcessing;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordProcessing}: what the warehouse recorded: warehouse, refund, scrapped
 * lines.
 */
@Component
class RecordProcessingDelegate implements JavaDelegate {

	private final ReturnProcessing processing;

	RecordProcessingDelegate(ReturnProcessing processing) {
		this.processing = processing;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String number = ProcessVariables.string(execution, ReturnProcess.VAR_RETURN_NUMBER);
		this.processing.record(number, ProcessVariables.string(execution, ReturnProcess.VAR_PROCESSOR_ID),
				ProcessVariables.string(execution, ReturnProcess.VAR_WAREHOUSE_CODE),
				ProcessVariables.string(execution, ReturnProcess.VAR_REFUND_METHOD),
				ProcessVariables.decimal(execution, ReturnProcess.VAR_REFUND_AMOUNT),
				ProcessVariables.lineNumbers(execution, ReturnProcess.VAR_SCRAP_LINES));
	}

}
