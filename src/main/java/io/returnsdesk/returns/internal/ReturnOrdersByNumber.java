package io.returnsdesk.returns.internal;

import java.util.Optional;

/**
 * Returns by their number: a step of the process reads its return several times in one
 * transaction (its delegate, the decision's facts, the next task's form), and by its
 * natural id Hibernate answers all but the first from the session, without a query and
 * without flushing first.
 */
public interface ReturnOrdersByNumber {

	Optional<ReturnOrder> findByNumber(String number);

}
