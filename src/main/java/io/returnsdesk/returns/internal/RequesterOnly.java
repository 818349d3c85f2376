package io.returnsdesk.returns.internal;

import io.returnsdesk.returns.NotRequesterException;
import io.returnsdesk.returns.ReturnChannel;
import io.returnsdesk.returns.ReturnStateException;
import io.returnsdesk.returns.ReturnStatus;

/**
 * A rejected return is revised or withdrawn only by whoever requested it; the status is
 * told before the person, so that a refusal does not list what is wrong with the lines. A
 * customer who asked on the public page has no desk to do it on: any clerk who may revise
 * returns does it for them.
 */
public final class RequesterOnly {

	private RequesterOnly() {
	}

	/** Throws unless the return is rejected and the actor requested it. */
	public static void mayRevise(ReturnOrder order, String actor) {
		require(order, actor, "revised", "revise");
	}

	/** Throws unless the return is rejected and the actor requested it. */
	public static void mayWithdraw(ReturnOrder order, String actor) {
		require(order, actor, "withdrawn", "withdraw");
	}

	private static void require(ReturnOrder order, String actor, String action, String verb) {
		if (order.getStatus() != ReturnStatus.REJECTED) {
			throw new ReturnStateException(order.getNumber(), order.getStatus(), action);
		}
		if (order.getChannel() != ReturnChannel.CUSTOMER && !order.getRequestedBy().equals(actor)) {
			throw new NotRequesterException(order.getRequestedBy(), order.getNumber(), verb);
		}
	}

}
