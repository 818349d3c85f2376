package io.returnsdesk.finance;

import java.math.BigDecimal;

/**
 * An account's row of a trial balance: its debits and credits over a period, and their
 * difference, the balance (positive on the debit side).
 */
public record AccountBalance(ChartAccount account, BigDecimal debit, BigDecimal credit) {

	public BigDecimal balance() {
		return this.debit.subtract(this.credit);
	}

}
