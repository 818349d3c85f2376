package io.returnsdesk.returns;

import java.util.Map;

import io.returnsdesk.notification.Notifier;

/**
 * What came back of a processed return, as facts of a notification: numbers and a day
 * that each language's template words itself ("2 of 3 received, 1 written off" or "handed
 * to the supplier").
 */
final class ReceiptFacts {

	private ReceiptFacts() {
	}

	/**
	 * The kind of return ({@code CUSTOMER} or {@code SUPPLIER}), the units asked for,
	 * received and written off, and the day the goods came back as {@code yyyy-MM-dd}.
	 */
	static Map<String, Object> of(ReturnOrder order) {
		int asked = 0;
		int received = 0;
		int writtenOff = 0;
		for (ReturnLine line : order.getLines()) {
			asked += line.getQuantity();
			received += line.getHeldQuantity();
			writtenOff += line.getScrappedQuantity();
		}
		return Notifier.facts("type", order.getType().name(), "unitsAsked", asked, "unitsReceived", received,
				"unitsWrittenOff", writtenOff, "returnedOn",
				(order.getReturnedOn() != null) ? order.getReturnedOn().toString() : null);
	}

}
