package io.returnsdesk.returns.process;

import io.returnsdesk.engine.EngineCommands;
import io.returnsdesk.returns.ReturnType;
import io.returnsdesk.returns.internal.ReturnLine;
import io.returnsdesk.returns.internal.ReturnOrder;
import io.returnsdesk.returns.internal.ReturnlessRefunds;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;

import org.springframework.stereotype.Component;

/**
 * The returnless refund as the decision table {@code processes/returnlessRefund.dmn} (its
 * latest deployed version) says it, once per line. Evaluated as the application, like the
 * restocking fee: it is the merchant's policy.
 */
@Component
class DmnReturnlessRefunds implements ReturnlessRefunds {

	private final DecisionService decisions;

	private final EngineCommands engine;

	DmnReturnlessRefunds(DecisionService decisions, EngineCommands engine) {
		this.decisions = decisions;
		this.engine = engine;
	}

	@Override
	public boolean returnless(ReturnOrder order) {
		// a supplier's goods go back to the supplier
		if (order.getType() == ReturnType.SUPPLIER || order.getLines().isEmpty()) {
			return false;
		}
		return this.engine.asTheApplication(() -> order.getLines().stream().allMatch((line) -> qualifies(order, line)));
	}

	private boolean qualifies(ReturnOrder order, ReturnLine line) {
		Object returnless = this.decisions
			.evaluateDecisionTableByKey(ReturnProcess.DECISION_RETURNLESS_REFUND,
					Variables.createVariables()
						.putValue("resolution", order.getResolution().name())
						.putValue("reason", order.getReason().name())
						.putValue("unitValue", line.getUnitPrice().doubleValue()))
			.getSingleResult()
			.getSingleEntry();
		return Boolean.TRUE.equals(returnless);
	}

}
