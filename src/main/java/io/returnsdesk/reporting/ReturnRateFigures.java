package io.returnsdesk.reporting;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One group's units shipped, units returned that came back and their value, and units
 * returned that the customers kept (returnless refunds) and theirs, as a report adds them
 * up: days taken off a month take their units and amounts off again.
 */
final class ReturnRateFigures {

	final String label;

	long shipped;

	long received;

	BigDecimal receivedAmount = BigDecimal.ZERO;

	long returnless;

	BigDecimal returnlessAmount = BigDecimal.ZERO;

	ReturnRateFigures(String label) {
		this.label = label;
	}

	/**
	 * Adds (sign 1) or takes off (-1) a returned row: its {@code quantity} and
	 * {@code amount} received, its {@code returnless_quantity} and
	 * {@code returnless_amount}.
	 */
	void add(int sign, ResultSet row) throws SQLException {
		this.received += sign * row.getLong("quantity");
		this.receivedAmount = this.receivedAmount.add(signed(sign, row.getBigDecimal("amount")));
		this.returnless += sign * row.getLong("returnless_quantity");
		this.returnlessAmount = this.returnlessAmount.add(signed(sign, row.getBigDecimal("returnless_amount")));
	}

	/** The units returned: those that came back and those the customers kept. */
	long returned() {
		return this.received + this.returnless;
	}

	/** The value of the units returned, at the original orders' prices. */
	BigDecimal amount() {
		return this.receivedAmount.add(this.returnlessAmount);
	}

	/** Nothing shipped or returned: a group that only taking days off left behind. */
	boolean isEmpty() {
		return this.shipped == 0 && this.received == 0 && this.returnless == 0 && this.receivedAmount.signum() == 0
				&& this.returnlessAmount.signum() == 0;
	}

	private static BigDecimal signed(int sign, BigDecimal value) {
		return (sign > 0) ? value : value.negate();
	}

}
