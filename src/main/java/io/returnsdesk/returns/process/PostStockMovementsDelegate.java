package io.returnsdesk.returns.process;

import io.returnsdesk.returns.internal.ReturnSettlement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code Task_PostStockMovements}: the confirmed return moves stock, once.
 */
@Component
class PostStockMovementsDelegate implements JavaDelegate {

	private final ReturnSettlement settlement;

	PostStockMovementsDelegate(ReturnSettlement settlement) {
		this.settlement = settlement;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String number = ProcessVariables.string(execution, ReturnProcess.VAR_RETURN_NUMBER);
		this.settlement.postStockMovements(number);
	}

}
