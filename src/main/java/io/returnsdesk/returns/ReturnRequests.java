package io.returnsdesk.returns;

import java.time.Clock;

import io.returnsdesk.returns.internal.ClientText;
import io.returnsdesk.returns.internal.OriginalOrderFulfilled;
import io.returnsdesk.returns.internal.QuantityWithinReturnable;
import io.returnsdesk.returns.internal.ReasonExplained;
import io.returnsdesk.returns.internal.ReturnContent;
import io.returnsdesk.returns.internal.ReturnNumbers;
import io.returnsdesk.returns.internal.ReturnOrder;
import io.returnsdesk.returns.internal.ReturnOrders;
import io.returnsdesk.sales.OrderNotFoundException;
import io.returnsdesk.sales.OriginalOrders;
import io.returnsdesk.sales.TradeOrder;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests, revises and withdraws returns, holding the requested units on the original
 * order so that no unit is returned twice ({@link QuantityWithinReturnable}).
 */
@Service
public class ReturnRequests {

	private final ReturnOrders returns;

	private final ReturnNumbers numbers;

	private final OriginalOrders orders;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ReturnRequests(ReturnOrders returns, ReturnNumbers numbers, OriginalOrders orders, ApplicationEventPublisher events,
			Clock clock) {
		this.returns = returns;
		this.numbers = numbers;
		this.orders = orders;
		this.events = events;
		this.clock = clock;
	}

	/** Saves a new return request and submits it for approval. */
	@Transactional
	public ReturnReference request(ReturnRequest request, String requestedBy) {
		TradeOrder order = lockOrder(request.orderNumber());
		ReturnContent content = checkedContent(request, order, null);
		ReturnOrder created = this.returns
			.save(new ReturnOrder(this.numbers.next(), order, requestedBy, this.clock.instant(), content));
		this.events.publishEvent(new ReturnSubmitted(created.getNumber(), requestedBy, order.getStoreCode()));
		return new ReturnReference(created.getId(), created.getNumber(), created.getStatus());
	}

	/** Replaces the content of a rejected return and resubmits it. */
	@Transactional
	public void revise(String number, ReturnRequest request, String actor) {
		ReturnOrder existing = this.returns.getByNumber(number);
		// who and when before what: a refused revision should not list the lines' faults
		existing.checkRevisableBy(actor);
		if (request.orderNumber() != null && !request.orderNumber().equals(existing.getOrder().getNumber())) {
			throw new ReturnRuleViolation("orderNumber", "Return %s belongs to order %s; it cannot move to order %s"
				.formatted(number, existing.getOrder().getNumber(), ClientText.shown(request.orderNumber())));
		}
		TradeOrder order = lockOrder(existing.getOrder().getNumber());
		existing.revise(checkedContent(request, order, existing.getId()), actor);
		this.events.publishEvent(new ReturnRevised(number, actor, true));
	}

	/** Gives up a rejected return; its units become returnable again. */
	@Transactional
	public void withdraw(String number, String actor) {
		this.returns.getByNumber(number).checkWithdrawableBy(actor);
		this.events.publishEvent(new ReturnRevised(number, actor, false));
	}

	private TradeOrder lockOrder(String orderNumber) {
		if (orderNumber == null || orderNumber.isBlank()) {
			throw new ReturnRuleViolation("orderNumber", "Name the original order of the return");
		}
		ClientText.requireVisible("orderNumber", "The order number", orderNumber, false);
		try {
			return this.orders.lockForReturn(orderNumber.strip());
		}
		catch (OrderNotFoundException ex) {
			throw new ReturnRuleViolation("orderNumber", "There is no order " + ClientText.shown(orderNumber.strip()));
		}
	}

	private ReturnContent checkedContent(ReturnRequest request, TradeOrder order, Long revisedReturnId) {
		OriginalOrderFulfilled.require(order);
		ReturnReason reason = ClientText.choice(ReturnReason.class, "reason", request.reason());
		Resolution resolution = ClientText.choice(Resolution.class, "resolution", request.resolution());
		String detail = ReasonExplained.detail(reason, request.reasonDetail());
		return new ReturnContent(reason, detail, resolution, QuantityWithinReturnable.lines(request.lines(), order,
				this.returns.returnable(order, revisedReturnId)));
	}

}
