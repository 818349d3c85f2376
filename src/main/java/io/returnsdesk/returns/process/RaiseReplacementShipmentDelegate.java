package io.returnsdesk.returns.process;

import io.returnsdesk.returns.internal.ReturnSettlement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code Task_RaiseReplacementShipment}: an exchange ships the same goods again on the
 * original order.
 */
@Component
class RaiseReplacementShipmentDelegate implements JavaDelegate {

	private final ReturnSettlement settlement;

	RaiseReplacementShipmentDelegate(ReturnSettlement settlement) {
		this.settlement = settlement;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String number = ProcessVariables.string(execution, ReturnProcess.VAR_RETURN_NUMBER);
		this.settlement.raiseReplacement(number);
	}

}
