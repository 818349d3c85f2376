package io.returnsdesk.finance;

import java.math.BigDecimal;

/**
 * Thrown when a journal entry's debits and credits differ.
 */
class UnbalancedEntryException extends RuntimeException {

	UnbalancedEntryException(String reference, BigDecimal debits, BigDecimal credits) {
		super("The entry of %s does not balance: debits %s, credits %s".formatted(reference, debits, credits));
	}

}
