package io.returnsdesk.returns.internal;

import io.returnsdesk.returns.ReceivedUnits;

/**
 * What came back of a processed return, summed over its lines.
 */
final class ReceivedUnitsOf {

	private ReceivedUnitsOf() {
	}

	/** The units asked, received and written off, and the day the goods came back. */
	static ReceivedUnits of(ReturnOrder order) {
		int asked = 0;
		int received = 0;
		int writtenOff = 0;
		for (ReturnLine line : order.getLines()) {
			asked += line.getQuantity();
			received += line.getReturnedUnits();
			writtenOff += line.getScrappedQuantity();
		}
		return new ReceivedUnits(order.getType(), asked, received, writtenOff, order.getSettlement().getReturnedOn());
	}

}
