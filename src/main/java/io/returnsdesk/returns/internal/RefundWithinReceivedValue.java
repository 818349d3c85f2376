package io.returnsdesk.returns.internal;

import java.math.BigDecimal;

import io.returnsdesk.returns.Resolution;
import io.returnsdesk.returns.ReturnRuleViolation;

/**
 * The refund is zero or more, in cents, and no more than the value of the units received
 * at the original order's prices.
 */
public final class RefundWithinReceivedValue {

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

	/**
	 * The refund given, or without one the value of the units received less the
	 * restocking fee; throws when it exceeds that value. An exchange refunds the price
	 * difference its replacements leave the customer, less the fee, and nothing else.
	 */
	static BigDecimal settled(BigDecimal given, BigDecimal receivedValue, BigDecimal restockingFee,
			Resolution resolution, BigDecimal priceDifference) {
		BigDecimal refund = inFull(receivedValue, restockingFee, resolution, priceDifference);
		if (resolution == Resolution.EXCHANGE) {
			if (given != null && given.compareTo(refund) != 0) {
				throw new ReturnRuleViolation("refundAmount",
						"An exchange refunds the price difference of its replacements, %s; it cannot refund %s"
							.formatted(ClientText.money(refund), ClientText.money(given)));
			}
			return refund;
		}
		refund = (given != null) ? given : refund;
		require(refund, receivedValue, restockingFee);
		return refund;
	}

	/**
	 * The refund in full: the value less the restocking fee; for an exchange, what its
	 * replacements cost less than the units returned, less the fee (nothing when they
	 * cost more: then the customer pays {@link #exchangeCharge}).
	 */
	public static BigDecimal inFull(BigDecimal value, BigDecimal restockingFee, Resolution resolution,
			BigDecimal priceDifference) {
		return (resolution == Resolution.EXCHANGE)
				? priceDifference.add(restockingFee).negate().max(BigDecimal.ZERO).setScale(2)
				: value.subtract(restockingFee).max(BigDecimal.ZERO);
	}

	/**
	 * What the customer pays for an exchange: what its replacements cost more than the
	 * units returned, and the fee; zero otherwise.
	 */
	public static BigDecimal exchangeCharge(ReturnOrder order) {
		return (order.getResolution() == Resolution.EXCHANGE)
				? order.getPriceDifference().add(order.getRestockingFee()).max(BigDecimal.ZERO).setScale(2)
				: BigDecimal.ZERO.setScale(2);
	}

	/**
	 * Throws when the refund exceeds the value of the units received less the restocking
	 * fee.
	 */
	private static void require(BigDecimal refund, BigDecimal receivedValue, BigDecimal restockingFee) {
		if (restockingFee.signum() == 0 && refund.compareTo(receivedValue) > 0) {
			throw new ReturnRuleViolation("refundAmount", "The refund of %s exceeds the value of the units received, %s"
				.formatted(ClientText.money(refund), ClientText.money(receivedValue)));
		}
		BigDecimal most = receivedValue.subtract(restockingFee);
		if (refund.compareTo(most) > 0) {
			throw new ReturnRuleViolation("refundAmount",
					"The refund of %s exceeds the value of the units received, %s, less the restocking fee of %s: %s at most"
						.formatted(ClientText.money(refund), ClientText.money(receivedValue),
								ClientText.money(restockingFee), ClientText.money(most.max(BigDecimal.ZERO))));
		}
	}

}
