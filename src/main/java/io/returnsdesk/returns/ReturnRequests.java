package io.returnsdesk.returns;

import java.math.BigDecimal;
import java.time.Clock;

import io.returnsdesk.catalog.StoreScope;
import io.returnsdesk.returns.internal.ClientText;
import io.returnsdesk.returns.internal.Exchanges;
import io.returnsdesk.returns.internal.OriginalOrderFulfilled;
import io.returnsdesk.returns.internal.PolicyFacts;
import io.returnsdesk.returns.internal.QuantityWithinReturnable;
import io.returnsdesk.returns.internal.ReasonExplained;
import io.returnsdesk.returns.internal.RefundWithinReceivedValue;
import io.returnsdesk.returns.internal.RequesterOnly;
import io.returnsdesk.returns.internal.RestockingFees;
import io.returnsdesk.returns.internal.ReturnContent;
import io.returnsdesk.returns.internal.ReturnNumbers;
import io.returnsdesk.returns.internal.ReturnOrder;
import io.returnsdesk.returns.internal.ReturnOrders;
import io.returnsdesk.returns.internal.ReturnlessRefunds;
import io.returnsdesk.sales.OrderNotFoundException;
import io.returnsdesk.sales.OrderType;
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

	private final RestockingFees fees;

	private final ReturnlessRefunds returnless;

	private final Exchanges exchanges;

	ReturnRequests(ReturnOrders returns, ReturnNumbers numbers, OriginalOrders orders, ApplicationEventPublisher events,
			Clock clock, RestockingFees fees, ReturnlessRefunds returnless, Exchanges exchanges) {
		this.exchanges = exchanges;
		this.fees = fees;
		this.returnless = returnless;
		this.returns = returns;
		this.numbers = numbers;
		this.orders = orders;
		this.events = events;
		this.clock = clock;
	}

	/** Saves a new return request and submits it for approval. */
	@Transactional
	public ReturnReference request(ReturnRequest request, String requestedBy) {
		return request(request, requestedBy, StoreScope.everyStore());
	}

	/**
	 * Saves a new return request against an order of one of the stores and submits it for
	 * approval; another store's order is refused as an order there is not.
	 */
	@Transactional
	public ReturnReference request(ReturnRequest request, String requestedBy, StoreScope scope) {
		TradeOrder order = lockOrder(request.orderNumber(), scope);
		ReturnContent content = checkedContent(request, order, null);
		ReturnOrder created = new ReturnOrder(this.numbers.next(), order, ReturnChannel.DESK, requestedBy,
				this.clock.instant(), content);
		applyPolicy(created);
		created = this.returns.save(created);
		this.exchanges.holdFirst(created);
		this.events.publishEvent(new ReturnSubmitted(created.getNumber(), requestedBy, order.getStoreCode()));
		return new ReturnReference(created.getId(), created.getNumber(), created.getStatus());
	}

	/**
	 * Saves a return the customer of the order asked for themselves and submits it for
	 * approval, by the rules of a clerk's request; the caller has recognised the
	 * customer.
	 */
	@Transactional
	ReturnReference requestForCustomer(ReturnRequest request, TradeOrder recognised) {
		TradeOrder order = lockOrder(recognised.getNumber(), StoreScope.everyStore());
		ReturnContent content = checkedContent(request, order, null);
		String requestedBy = ReturnChannel.customerRequester(order.getParty().getCode());
		ReturnOrder created = new ReturnOrder(this.numbers.next(), order, ReturnChannel.CUSTOMER, requestedBy,
				this.clock.instant(), content);
		applyPolicy(created);
		created = this.returns.save(created);
		this.exchanges.holdFirst(created);
		this.events.publishEvent(new ReturnSubmitted(created.getNumber(), requestedBy, order.getStoreCode()));
		return new ReturnReference(created.getId(), created.getNumber(), created.getStatus());
	}

	/**
	 * What a request against an order of one of the stores would come to, saving nothing;
	 * refuses what {@link #request(ReturnRequest, String, StoreScope)} would.
	 */
	@Transactional
	public ReturnQuote quote(ReturnRequest request, String requestedBy, StoreScope scope) {
		TradeOrder order = lockOrder(request.orderNumber(), scope);
		ReturnOrder draft = new ReturnOrder(null, order, ReturnChannel.DESK, requestedBy, this.clock.instant(),
				checkedContent(request, order, null));
		applyPolicy(draft);
		this.exchanges.check(draft);
		BigDecimal refund = RefundWithinReceivedValue.inFull(draft.getTotalAmount(), draft.getRestockingFee(),
				draft.getResolution(), draft.getPriceDifference());
		return new ReturnQuote(draft.getTotalAmount(), draft.getRestockingFee(), refund, draft.isReturnless(),
				draft.getPriceDifference(), RefundWithinReceivedValue.exchangeCharge(draft),
				ReturnView.of(draft, null).lines());
	}

	/** Replaces the content of a rejected return and resubmits it. */
	@Transactional
	public void revise(String number, ReturnRequest request, String actor) {
		revise(number, request, actor, StoreScope.everyStore());
	}

	/**
	 * Revises a rejected return of one of the stores; another store's is a return there
	 * is not.
	 */
	@Transactional
	public void revise(String number, ReturnRequest request, String actor, StoreScope scope) {
		ReturnOrder existing = this.returns.getByNumber(number, scope);
		// who and when before what: a refused revision should not list the lines' faults
		RequesterOnly.mayRevise(existing, actor);
		if (request.orderNumber() != null && !request.orderNumber().equals(existing.getOrder().getNumber())) {
			throw new ReturnRuleViolation("orderNumber", "Return %s belongs to order %s; it cannot move to order %s"
				.formatted(number, existing.getOrder().getNumber(), ClientText.shown(request.orderNumber())));
		}
		TradeOrder order = lockOrder(existing.getOrder().getNumber(), scope);
		existing.revise(checkedContent(request, order, existing.getId()), actor);
		applyPolicy(existing);
		this.exchanges.hold(existing);
		this.events.publishEvent(new ReturnRevised(number, actor, true));
	}

	/** Gives up a rejected return; its units become returnable again. */
	@Transactional
	public void withdraw(String number, String actor) {
		withdraw(number, actor, StoreScope.everyStore());
	}

	/**
	 * Withdraws a rejected return of one of the stores; another store's is a return there
	 * is not.
	 */
	@Transactional
	public void withdraw(String number, String actor, StoreScope scope) {
		RequesterOnly.mayWithdraw(this.returns.getByNumber(number, scope), actor);
		this.events.publishEvent(new ReturnRevised(number, actor, false));
	}

	private TradeOrder lockOrder(String orderNumber, StoreScope scope) {
		if (orderNumber == null || orderNumber.isBlank()) {
			throw new ReturnRuleViolation("orderNumber", "Name the original order of the return");
		}
		ClientText.requireVisible("orderNumber", "The order number", orderNumber, false);
		try {
			return this.orders.lockForReturn(orderNumber.strip(), scope);
		}
		catch (OrderNotFoundException ex) {
			throw new ReturnRuleViolation("orderNumber", "There is no order " + ClientText.shown(orderNumber.strip()));
		}
	}

	// the restocking fee and whether the customer keeps the goods, on the units asked for
	private void applyPolicy(ReturnOrder order) {
		order.applyPolicy(this.fees.rates(PolicyFacts.of(order)), this.returnless.returnless(order));
	}

	private ReturnContent checkedContent(ReturnRequest request, TradeOrder order, Long revisedReturnId) {
		OriginalOrderFulfilled.require(order);
		ReturnReason reason = ClientText.choice(ReturnReason.class, "reason", request.reason());
		Resolution resolution = ClientText.choice(Resolution.class, "resolution", request.resolution());
		String detail = ReasonExplained.detail(reason, request.reasonDetail());
		var lines = QuantityWithinReturnable.lines(request.lines(), order,
				this.returns.returnable(order, revisedReturnId));
		return new ReturnContent(reason, detail, resolution, this.exchanges.chosen(request, lines, resolution,
				(order.getType() == OrderType.SALES) ? ReturnType.CUSTOMER : ReturnType.SUPPLIER));
	}

}
