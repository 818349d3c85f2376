package io.returnsdesk.returns;

/**
 * A request that breaks a rule of returns; the message tells the user what to change.
 */
public class ReturnRuleViolation extends RuntimeException {

	private final String field;

	public ReturnRuleViolation(String field, String message) {
		super(message);
		this.field = field;
	}

	/**
	 * The input the message is about, or null when it is about the request as a whole.
	 */
	public String getField() {
		return this.field;
	}

}
