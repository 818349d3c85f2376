package io.returnsdesk.returns.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.returnsdesk.catalog.PartyKind;
import io.returnsdesk.sales.OrderType;
import io.returnsdesk.sales.TradeOrder;

/**
 * Whoever knows an order's number and the last four digits of the phone it was placed
 * with is its customer, for self-service. Every "who are you" failure (no such order, a
 * wrong phone, an order without a phone, a purchase, another customer's order) is one
 * answer, and each is found by the same work: the digits are always compared, in constant
 * time, against the order's or against digits no one can type, and the facts are combined
 * without stopping at the first that fails.
 */
public final class CustomerOnTheOrder {

	/** How many of the phone's last digits a customer gives. */
	public static final int DIGITS = 4;

	// compared when there is nothing to compare with: no input of four digits equals it
	private static final byte[] NOTHING = "\0\0\0\0".getBytes(StandardCharsets.US_ASCII);

	private CustomerOnTheOrder() {
	}

	/** Whether the text is what a customer gives: exactly four digits. */
	public static boolean isLastFour(String phoneLast4) {
		return phoneLast4 != null && phoneLast4.length() == DIGITS
				&& phoneLast4.chars().allMatch((c) -> c >= '0' && c <= '9');
	}

	/**
	 * Whether the order is a customer's sales order placed with a phone ending in these
	 * digits; the order may be none (no such order), the digits are {@link #isLastFour
	 * four digits}.
	 */
	public static boolean recognises(TradeOrder order, String phoneLast4) {
		String phone = (order != null) ? order.getCustomerPhone() : null;
		String digits = (phone != null) ? phone.replaceAll("[^0-9]", "") : "";
		byte[] expected = (digits.length() >= DIGITS)
				? digits.substring(digits.length() - DIGITS).getBytes(StandardCharsets.US_ASCII) : NOTHING;
		boolean same = MessageDigest.isEqual(expected, phoneLast4.getBytes(StandardCharsets.US_ASCII));
		boolean customersSale = order != null && order.getType() == OrderType.SALES
				&& order.getParty().getKind() == PartyKind.CUSTOMER;
		// no short cut: every fact is looked at on every path
		return same & customersSale & (expected != NOTHING);
	}

}
