package io.returnsdesk.finance;

import java.math.BigDecimal;

/**
 * A debit or a credit of a journal entry, before it is posted.
 */
public record JournalLine(Account account, BigDecimal debit, BigDecimal credit) {

	public static JournalLine debit(Account account, BigDecimal amount) {
		return new JournalLine(account, amount, BigDecimal.ZERO);
	}

	public static JournalLine credit(Account account, BigDecimal amount) {
		return new JournalLine(account, BigDecimal.ZERO, amount);
	}

	boolean isEmpty() {
		return this.debit.signum() == 0 && this.credit.signum() == 0;
	}

}
