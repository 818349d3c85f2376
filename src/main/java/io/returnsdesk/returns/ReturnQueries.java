package io.returnsdesk.returns;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import io.returnsdesk.finance.CreditNote;
import io.returnsdesk.finance.Notes;
import io.returnsdesk.sales.OriginalOrders;
import io.returnsdesk.sales.TradeOrder;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads returns for the API, the task forms and the policy.
 */
@Service
public class ReturnQueries {

	private final ReturnOrders returns;

	private final OriginalOrders orders;

	private final ReturnRequests requests;

	private final ReturnHistorySearch history;

	private final Notes notes;

	private final Clock clock;

	ReturnQueries(ReturnOrders returns, OriginalOrders orders, ReturnRequests requests, ReturnHistorySearch history,
			Notes notes, Clock clock) {
		this.returns = returns;
		this.orders = orders;
		this.requests = requests;
		this.history = history;
		this.notes = notes;
		this.clock = clock;
	}

	/** The return with its lines, history and, once confirmed, its note's number. */
	@Transactional(readOnly = true)
	public ReturnView get(String number) {
		ReturnOrder order = ReturnReview.find(this.returns, number);
		String note = (order.getStatus() == ReturnStatus.CONFIRMED)
				? this.notes.of(number).map(CreditNote::getNumber).orElse(null) : null;
		return ReturnView.of(order, note);
	}

	/**
	 * One page of the returns that match, in the order asked for; days are the
	 * merchant's. Free text alone is counted up to {@code returns.search.count-cap}
	 * matches: beyond, the total is a lower bound.
	 */
	@Transactional(readOnly = true)
	public ReturnHistoryPage search(ReturnSearch search, Pageable page) {
		return this.history.page(search, this.clock.getZone(), page);
	}

	/**
	 * The first {@code limit} returns that match, in the order asked for; the slice tells
	 * whether more match.
	 */
	@Transactional(readOnly = true)
	public Slice<ReturnSummary> export(ReturnSearch search, int limit) {
		return this.history.first(search, this.clock.getZone(), limit);
	}

	/** The facts the return policy decides on. */
	@Transactional(readOnly = true)
	public PolicyFacts policyFacts(String number) {
		ReturnOrder order = ReturnReview.find(this.returns, number);
		long days = Duration.between(order.getOrder().getFulfilledAt(), order.getRequestedAt()).toDays();
		return new PolicyFacts(order.getType(), order.getReason(), Math.max(0, days), order.getTotalAmount(),
				order.getResolution());
	}

	/** Units of each line of the order that a new return may still take. */
	@Transactional(readOnly = true)
	public Map<Integer, Integer> returnable(String orderNumber) {
		TradeOrder order = this.orders.get(orderNumber);
		return this.requests.returnableQuantities(order, null);
	}

}
