package io.returnsdesk.returns.process;

import io.returnsdesk.returns.ReturnType;
import io.returnsdesk.returns.internal.ReturnLine;
import io.returnsdesk.returns.internal.ReturnOrder;
import io.returnsdesk.returns.internal.ReturnlessRefunds;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.variable.Variables;

import org.springframework.stereotype.Component;

/**
 * The returnless refund as the decision table {@code processes/returnlessRefund.dmn} (its
 * latest deployed version) says it, once per line: a return is returnless when every line
 * is.
 */
@Component
class DmnReturnlessRefunds implements ReturnlessRefunds {

	private final DeployedDecisions decisions;

	DmnReturnlessRefunds(DeployedDecisions decisions) {
		this.decisions = decisions;
	}

	@Override
	public boolean returnless(ReturnOrder order) {
		// a supplier's goods go back to the supplier
		if (order.getType() == ReturnType.SUPPLIER || order.getLines().isEmpty()) {
			return false;
		}
		DmnDecision decision = this.decisions.latest(ReturnProcess.DECISION_RETURNLESS_REFUND);
		return order.getLines().stream().allMatch((line) -> qualifies(decision, order, line));
	}

	private boolean qualifies(DmnDecision decision, ReturnOrder order, ReturnLine line) {
		return Boolean.TRUE.equals(this.decisions.single(decision,
				Variables.createVariables()
					.putValue("resolution", order.getResolution().name())
					.putValue("reason", order.getReason().name())
					.putValue("unitValue", line.getUnitPrice().doubleValue())));
	}

}
