package io.returnsdesk.returns.internal;

/**
 * The returnless-refund policy ("keep the item"): whether the customer is refunded
 * without sending the goods back. The model's decision table says it line by line (see
 * {@code returns.process}).
 */
public interface ReturnlessRefunds {

	/**
	 * Whether the customer keeps the goods of this return: every line qualifies; never a
	 * supplier return, nor one without lines.
	 */
	boolean returnless(ReturnOrder order);

}
