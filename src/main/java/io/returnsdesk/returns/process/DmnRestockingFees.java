package io.returnsdesk.returns.process;

import java.math.BigDecimal;

import io.returnsdesk.returns.ReturnType;
import io.returnsdesk.returns.internal.FeeRates;
import io.returnsdesk.returns.internal.PolicyFacts;
import io.returnsdesk.returns.internal.RestockingFees;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.variable.Variables;

import org.springframework.stereotype.Component;

/**
 * The restocking fee as the decision table {@code processes/restockingFee.dmn} (its
 * latest deployed version) says it, once per condition of the units.
 */
@Component
class DmnRestockingFees implements RestockingFees {

	private final DeployedDecisions decisions;

	DmnRestockingFees(DeployedDecisions decisions) {
		this.decisions = decisions;
	}

	@Override
	public FeeRates rates(PolicyFacts facts) {
		if (facts.type() == ReturnType.SUPPLIER) {
			return FeeRates.NONE;
		}
		DmnDecision decision = this.decisions.latest(ReturnProcess.DECISION_RESTOCKING_FEE);
		return new FeeRates(rate(decision, facts, ReturnProcess.CONDITION_RESALEABLE),
				rate(decision, facts, ReturnProcess.CONDITION_WRITTEN_OFF));
	}

	private BigDecimal rate(DmnDecision decision, PolicyFacts facts, String condition) {
		Object rate = this.decisions.single(decision,
				Variables.createVariables()
					.putValue("resolution", facts.resolution().name())
					.putValue("reason", facts.reason().name())
					.putValue("condition", condition)
					.putValue("daysSinceFulfilment", Math.toIntExact(facts.daysSinceFulfilment())));
		BigDecimal share = (rate != null) ? new BigDecimal(rate.toString()) : BigDecimal.ZERO;
		if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
			throw new IllegalStateException("The restocking fee's decision gave a share of " + share
					+ " for a return; a share lies between 0 and 1 (0.10 is 10 %)");
		}
		return share;
	}

}
