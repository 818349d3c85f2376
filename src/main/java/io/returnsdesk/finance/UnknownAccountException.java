package io.returnsdesk.finance;

/**
 * An entry names an account the chart of accounts does not have: nothing of it is posted.
 */
class UnknownAccountException extends RuntimeException {

	UnknownAccountException(String account, String reference) {
		super("Account %s of the entry of %s is not in the chart of accounts".formatted(account, reference));
	}

}
