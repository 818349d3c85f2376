package io.returnsdesk.returns.process;

import io.returnsdesk.returns.internal.ReturnSettlement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code Task_MarkReturnConfirmed}: the return is confirmed; requester and warehouse are
 * told.
 */
@Component
class MarkReturnConfirmedDelegate implements JavaDelegate {

	private final ReturnSettlement settlement;

	MarkReturnConfirmedDelegate(ReturnSettlement settlement) {
		this.settlement = settlement;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String number = ProcessVariables.string(execution, ReturnProcess.VAR_RETURN_NUMBER);
		this.settlement.markConfirmed(number, ProcessVariables.string(execution, ReturnProcess.VAR_CONFIRMER_ID));
	}

}
