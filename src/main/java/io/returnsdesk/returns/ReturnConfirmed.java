package io.returnsdesk.returns;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Finance confirmed a return: published once per return, inside the transaction that
 * marks it confirmed.
 *
 * @param number the return
 * @param type customer or supplier return
 * @param reason why the goods came back
 * @param storeCode the store of the original order
 * @param confirmedAt when it was confirmed
 * @param lines the units of each product that came back (or went to the supplier) and
 * their value at the original order's price, and apart those a returnless refund left
 * with the customer
 * @param requestedBy who asked for the return
 * @param actor who confirmed it
 * @param refundMethod how the money goes back
 * @param refundAmount how much
 * @param units what came back, summed over the lines
 */
public record ReturnConfirmed(String number, ReturnType type, ReturnReason reason, String storeCode,
		Instant confirmedAt, List<Line> lines, String requestedBy, String actor, RefundMethod refundMethod,
		BigDecimal refundAmount, ReceivedUnits units) {

	/**
	 * Units of one product that came back and their value; and the units the customer
	 * kept (a returnless refund) and theirs.
	 */
	public record Line(long productId, int quantity, BigDecimal amount, int returnlessQuantity,
			BigDecimal returnlessAmount) {

	}

}
