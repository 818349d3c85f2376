package io.returnsdesk.returns;

import java.math.BigDecimal;

/**
 * An approver approved a return: published in the transaction that records it.
 *
 * @param number the return
 * @param orderNumber its original order
 * @param requestedBy who asked for it
 * @param amount the value of the units asked back
 * @param approver who approved it
 */
public record ReturnApproved(String number, String orderNumber, String requestedBy, BigDecimal amount,
		String approver) {

}
