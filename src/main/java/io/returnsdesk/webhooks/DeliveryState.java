package io.returnsdesk.webhooks;

/**
 * Where the delivery of one event to one subscriber stands.
 */
public enum DeliveryState {

	/** Waiting to be sent, now or at its next attempt (or being sent). */
	PENDING,
	/** The subscriber answered 2xx. */
	DELIVERED,
	/**
	 * Given up after the most attempts (or its subscription was deleted): a dead letter
	 * that an administrator can redeliver.
	 */
	DEAD

}
