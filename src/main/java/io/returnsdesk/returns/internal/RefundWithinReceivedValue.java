package io.returnsdesk.returns.internal;

import java.math.BigDecimal;
import java.util.Map;

import io.returnsdesk.returns.ReturnRuleViolation;

/**
 * The refund is zero or more, in cents, and no more than the value of the units received
 * at the original order's prices.
 */
final class RefundWithinReceivedValue {

	private RefundWithinReceivedValue() {
	}

	/** Throws unless the refund is an amount of money: zero or more, in cents. */
	static void requireAmount(BigDecimal refund) {
		if (refund == null || refund.signum() < 0) {
			throw new ReturnRuleViolation("refundAmount", "The refund amount must be zero or more");
		}
		if (refund.stripTrailingZeros().scale() > 2) {
			throw new ReturnRuleViolation("refundAmount", "The refund amount has more than two decimals: " + refund);
		}
	}

	/** Throws when the refund exceeds the value of the units received. */
	static void require(BigDecimal refund, Map<ReturnLine, GoodsReceipt.Units> received) {
		BigDecimal value = received.entrySet()
			.stream()
			.map((entry) -> entry.getKey().getUnitPrice().multiply(BigDecimal.valueOf(entry.getValue().received())))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		if (refund.compareTo(value) > 0) {
			throw new ReturnRuleViolation("refundAmount", "The refund of %s exceeds the value of the units received, %s"
				.formatted(ClientText.money(refund), ClientText.money(value)));
		}
	}

}
