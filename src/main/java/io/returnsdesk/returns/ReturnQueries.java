package io.returnsdesk.returns;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import io.returnsdesk.sales.OriginalOrders;
import io.returnsdesk.sales.TradeOrder;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
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

	ReturnQueries(ReturnOrders returns, OriginalOrders orders, ReturnRequests requests) {
		this.returns = returns;
		this.orders = orders;
		this.requests = requests;
	}

	/** The return with its lines and history. */
	@Transactional(readOnly = true)
	public ReturnView get(String number) {
		return ReturnView.of(ReturnReview.find(this.returns, number));
	}

	/** Returns matching the text and status, newest first. */
	@Transactional(readOnly = true)
	public Page<ReturnSummary> search(String q, ReturnStatus status, Pageable page) {
		String text = (q != null) ? q.strip().toLowerCase(Locale.ROOT) : "";
		return this.returns.search("%" + OriginalOrders.likeEscaped(text) + "%", status, page).map(ReturnSummary::of);
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
