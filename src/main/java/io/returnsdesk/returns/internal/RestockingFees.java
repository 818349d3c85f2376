package io.returnsdesk.returns.internal;

/**
 * The restocking-fee policy: what share of a customer's refund the merchant keeps, by the
 * return's facts. The model's decision table says it (see {@code returns.process}).
 */
public interface RestockingFees {

	/** The shares kept of a return with these facts; none for a supplier return. */
	FeeRates rates(PolicyFacts facts);

}
