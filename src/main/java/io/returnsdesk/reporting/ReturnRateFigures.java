package io.returnsdesk.reporting;

import java.math.BigDecimal;

/**
 * One group's units shipped and returned and amount returned, as a report adds them up:
 * days taken off a month take their units and amount off again.
 */
final class ReturnRateFigures {

	final String label;

	long shipped;

	long returned;

	BigDecimal amount = BigDecimal.ZERO;

	ReturnRateFigures(String label) {
		this.label = label;
	}

	void add(int sign, long quantity, BigDecimal value) {
		this.returned += sign * quantity;
		this.amount = (sign > 0) ? this.amount.add(value) : this.amount.subtract(value);
	}

	/** Nothing shipped or returned: a group that only taking days off left behind. */
	boolean isEmpty() {
		return this.shipped == 0 && this.returned == 0 && this.amount.signum() == 0;
	}

}
