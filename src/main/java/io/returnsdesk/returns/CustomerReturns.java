package io.returnsdesk.returns;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.returnsdesk.returns.internal.CustomerOnTheOrder;
import io.returnsdesk.returns.internal.ReturnEvent;
import io.returnsdesk.returns.internal.ReturnOrder;
import io.returnsdesk.returns.internal.ReturnOrders;
import io.returnsdesk.sales.OriginalOrders;
import io.returnsdesk.sales.TradeOrder;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Self-service: a customer, known by an order's number and the last four digits of the
 * phone it was placed with ({@link CustomerOnTheOrder}), reads what of the order they may
 * return, asks for a return that enters the same process as a clerk's, and follows it.
 * Whoever is not recognised gets {@link CustomerNotRecognizedException}, whatever the
 * reason; the rules of returns are checked only for a recognised customer, so that a
 * refusal by a rule tells nothing of orders that are not one's own.
 */
@Service
public class CustomerReturns {

	private final OriginalOrders orders;

	private final ReturnOrders returns;

	private final ReturnRequests requests;

	CustomerReturns(OriginalOrders orders, ReturnOrders returns, ReturnRequests requests) {
		this.orders = orders;
		this.returns = returns;
		this.requests = requests;
	}

	/** The customer's order with what each line may still return. */
	@Transactional(readOnly = true)
	public CustomerOrderView order(String orderNumber, String phoneLast4) {
		TradeOrder order = recognisedOrder(orderNumber, phoneLast4);
		Map<Integer, Integer> returnable = this.returns.returnable(order, null);
		return new CustomerOrderView(order.getNumber(), order.getOrderDate(), order.isFulfilled(), order.getLines()
			.stream()
			.map((line) -> new CustomerOrderView.Line(line.getProduct().getSku(), line.getProduct().getName(),
					line.getFulfilledQuantity(), returnable.getOrDefault(line.getLineNo(), 0), line.getUnitPrice()))
			.toList());
	}

	/**
	 * Saves the customer's return as a refund and starts its process, as a clerk's
	 * request does, with the customer as its requester and the channel recorded.
	 */
	@Transactional
	public ReturnReference request(CustomerReturnRequest request) {
		TradeOrder order = recognisedOrder(request.orderNumber(), request.phoneLast4());
		List<ReturnRequest.Line> lines = (request.lines() != null) ? request.lines()
			.stream()
			.map((line) -> (line != null) ? new ReturnRequest.Line(line.sku(), null, line.quantity()) : null)
			.toList() : null;
		return this.requests.requestForCustomer(new ReturnRequest(order.getNumber(), request.reason(),
				request.reasonDetail(), Resolution.REFUND.name(), lines), order);
	}

	/** The return, as its customer follows it. */
	@Transactional(readOnly = true)
	public CustomerReturnView follow(String number, String phoneLast4) {
		requireLastFour(phoneLast4);
		ReturnOrder found = (number != null) ? this.returns.findWithOrderAndParty(number.strip()).orElse(null) : null;
		if (!CustomerOnTheOrder.recognises((found != null) ? found.getOrder() : null, phoneLast4)) {
			throw new CustomerNotRecognizedException();
		}
		return new CustomerReturnView(found.getNumber(), found.getStatus(), found.getOrder().getNumber(),
				found.getRequestedAt(),
				found.getLines()
					.stream()
					.map((line) -> new CustomerReturnView.Line(line.getSku(), line.getName(), line.getQuantity(),
							line.getReceivedQuantity()))
					.toList(),
				found.getTotalAmount(), refundOf(found), steps(found.getEvents()));
	}

	private TradeOrder recognisedOrder(String orderNumber, String phoneLast4) {
		requireLastFour(phoneLast4);
		TradeOrder order = (orderNumber != null) ? this.orders.find(orderNumber.strip()).orElse(null) : null;
		if (!CustomerOnTheOrder.recognises(order, phoneLast4)) {
			throw new CustomerNotRecognizedException();
		}
		return order;
	}

	private static void requireLastFour(String phoneLast4) {
		if (!CustomerOnTheOrder.isLastFour(phoneLast4)) {
			throw new ReturnRuleViolation("phoneLast4",
					"Give the last four digits of the phone number the order was placed with, e.g. 1234");
		}
	}

	private static BigDecimal refundOf(ReturnOrder order) {
		return (order.getStatus() == ReturnStatus.PROCESSED || order.getStatus() == ReturnStatus.CONFIRMED)
				? order.getSettlement().getRefundAmount() : null;
	}

	/**
	 * The statuses the return reached, oldest first, as the customer reads them: when
	 * finance sends a return back to the warehouse (approved again, then processed again)
	 * the goods are, for the customer, still received, so those steps are left out; only
	 * a rejection keeps its words (written for the requester), no note of staff does.
	 */
	private static List<CustomerReturnView.Step> steps(List<ReturnEvent> events) {
		List<CustomerReturnView.Step> steps = new ArrayList<>();
		ReturnStatus shown = null;
		boolean received = false;
		for (ReturnEvent event : events) {
			ReturnStatus status = event.getStatus();
			boolean internal = received && (status == ReturnStatus.APPROVED || status == ReturnStatus.PROCESSED);
			if (!internal && status != shown) {
				steps.add(new CustomerReturnView.Step(event.getAt(), status,
						(status == ReturnStatus.REJECTED) ? event.getNote() : null));
				shown = status;
			}
			received |= status == ReturnStatus.PROCESSED;
		}
		return steps;
	}

}
