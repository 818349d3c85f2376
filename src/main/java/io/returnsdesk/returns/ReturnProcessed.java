package io.returnsdesk.returns;

import java.math.BigDecimal;

/**
 * The warehouse recorded what came back of a return and the refund: published in the
 * transaction that records it, again after each correction.
 *
 * @param number the return
 * @param actor who recorded it
 * @param warehouseCode the warehouse that took the goods
 * @param refundMethod how the money goes back
 * @param refundAmount how much
 * @param units what came back
 */
public record ReturnProcessed(String number, String actor, String warehouseCode, RefundMethod refundMethod,
		BigDecimal refundAmount, ReceivedUnits units) {

}
