package io.returnsdesk.returns;

import java.math.BigDecimal;

/**
 * What the return policy decides on: the kind of return, its reason, how long after
 * fulfilment it was asked for, and its value.
 */
public record PolicyFacts(ReturnType type, ReturnReason reason, long daysSinceFulfilment, BigDecimal amount,
		Resolution resolution) {

}
