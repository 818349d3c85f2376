package io.returnsdesk.returns;

/**
 * The door a return was asked for through: the desk, by a clerk, or the public page, by
 * the customer themselves.
 */
public enum ReturnChannel {

	/**
	 * A clerk asked for it on the desk or through the API; its requester is the clerk.
	 */
	DESK,
	/**
	 * The customer asked for it on the public page; its requester is the customer, named
	 * as {@link #customerRequester(String)} names them.
	 */
	CUSTOMER;

	/**
	 * What a customer's requester id starts with. The engine takes no user id with a
	 * colon, so no staff user can ever be a customer's requester: the four-eyes rule
	 * leaves every approver free to decide a customer's return.
	 */
	public static final String CUSTOMER_REQUESTER_PREFIX = "customer:";

	/** The requester of a return a customer asked for, from their party code. */
	public static String customerRequester(String partyCode) {
		return CUSTOMER_REQUESTER_PREFIX + partyCode;
	}

	/** Whether the requester is a customer (self-service), not a staff user. */
	public static boolean isCustomerRequester(String requestedBy) {
		return requestedBy != null && requestedBy.startsWith(CUSTOMER_REQUESTER_PREFIX);
	}

}
