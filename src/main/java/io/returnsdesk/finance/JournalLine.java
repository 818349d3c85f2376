package io.returnsdesk.finance;

import java.math.BigDecimal;

/**
 * A debit or a credit of a journal entry, before it is posted.
 */
public record JournalLine(String account, BigDecimal debit, BigDecimal credit) {

	public static JournalLine debit(Account account, BigDecimal amount) {
		return new JournalLine(account.code(), amount, BigDecimal.ZERO);
	}

	public static JournalLine credit(Account account, BigDecimal amount) {
		return new JournalLine(account.code(), BigDecimal.ZERO, amount);
	}

	/**
	 * A debit of a positive amount, a credit of a negative one: where an account takes
	 * the difference of other lines.
	 */
	public static JournalLine balancing(Account account, BigDecimal amount) {
		return (amount.signum() >= 0) ? debit(account, amount) : credit(account, amount.negate());
	}

	boolean isEmpty() {
		return this.debit.signum() == 0 && this.credit.signum() == 0;
	}

	JournalLine reversed() {
		return new JournalLine(this.account, this.credit, this.debit);
	}

}
