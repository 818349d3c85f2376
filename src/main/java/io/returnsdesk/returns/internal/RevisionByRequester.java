package io.returnsdesk.returns.internal;

import io.returnsdesk.returns.NotRequesterException;
import io.returnsdesk.returns.ReturnChannel;

/**
 * Only the requester revises or withdraws their rejected return. A customer who asked on
 * the public page has no desk to do it on: any clerk who may revise returns does it for
 * them.
 */
final class RevisionByRequester {

	private RevisionByRequester() {
	}

	static void require(ReturnOrder order, String actor, String verb) {
		if (order.getChannel() != ReturnChannel.CUSTOMER && !order.getRequestedBy().equals(actor)) {
			throw new NotRequesterException(order.getRequestedBy(), order.getNumber(), verb);
		}
	}

}
