package io.returnsdesk.returns.internal;

import java.math.BigDecimal;
import java.time.Duration;

import io.returnsdesk.returns.Resolution;
import io.returnsdesk.returns.ReturnReason;
import io.returnsdesk.returns.ReturnType;

/**
 * What the return policy decides on: the kind of return, its reason, how long after
 * fulfilment it was asked for, and its value.
 */
public record PolicyFacts(ReturnType type, ReturnReason reason, long daysSinceFulfilment, BigDecimal amount,
		Resolution resolution) {

	/** The facts of a return as it stands. */
	public static PolicyFacts of(ReturnOrder order) {
		long days = Duration.between(order.getOrder().getFulfilledAt(), order.getRequestedAt()).toDays();
		return new PolicyFacts(order.getType(), order.getReason(), Math.max(0, days), order.getTotalAmount(),
				order.getResolution());
	}

}
