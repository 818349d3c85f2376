package io.returnsdesk.returns;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.returnsdesk.returns.ReturnOrder.RequestedLine;
import io.returnsdesk.returns.ReturnOrder.ReturnContent;
import io.returnsdesk.sales.OrderNotFoundException;
import io.returnsdesk.sales.OriginalOrders;
import io.returnsdesk.sales.TradeOrder;
import io.returnsdesk.sales.TradeOrderLine;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests, revises and withdraws returns, holding the requested units on the original
 * order so that no unit is returned twice.
 */
@Service
public class ReturnRequests {

	static final int MAX_DETAIL_LENGTH = 2000;

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
	public ReturnOrder request(ReturnRequest request, String requestedBy) {
		TradeOrder order = lockOrder(request.orderNumber());
		ReturnContent content = checkedContent(request, order, null);
		ReturnOrder created = this.returns
			.save(new ReturnOrder(this.numbers.next(), order, requestedBy, this.clock.instant(), content));
		this.events.publishEvent(new ReturnSubmitted(created.getNumber(), requestedBy));
		return created;
	}

	/** Replaces the content of a rejected return and resubmits it. */
	@Transactional
	public ReturnOrder revise(String number, ReturnRequest request, String actor) {
		ReturnOrder existing = find(number);
		// who and when before what: a refused revision should not list the lines' faults
		existing.checkRevisableBy(actor);
		if (request.orderNumber() != null && !request.orderNumber().equals(existing.getOrder().getNumber())) {
			throw new ReturnRuleViolation("orderNumber", "Return %s belongs to order %s; it cannot move to order %s"
				.formatted(number, existing.getOrder().getNumber(), ClientText.shown(request.orderNumber())));
		}
		TradeOrder order = lockOrder(existing.getOrder().getNumber());
		existing.revise(checkedContent(request, order, existing.getId()), actor);
		this.events.publishEvent(new ReturnRevised(number, actor, true));
		return existing;
	}

	/** Gives up a rejected return; its units become returnable again. */
	@Transactional
	public ReturnOrder withdraw(String number, String actor) {
		ReturnOrder existing = find(number);
		existing.checkWithdrawableBy(actor);
		this.events.publishEvent(new ReturnRevised(number, actor, false));
		return existing;
	}

	/**
	 * Units of each line of the order that a new return (or a revision of the given one)
	 * may take.
	 */
	@Transactional(readOnly = true)
	public Map<Integer, Integer> returnableQuantities(TradeOrder order, Long revisedReturnId) {
		Map<Long, Long> held = new HashMap<>();
		this.returns.heldQuantities(order.getId(), (revisedReturnId != null) ? revisedReturnId : -1L)
			.forEach((h) -> held.put(h.getOrderLineId(), h.getQuantity()));
		Map<Integer, Integer> returnable = new HashMap<>();
		order.getLines()
			.forEach((line) -> returnable.put(line.getLineNo(),
					(int) Math.max(0, line.getFulfilledQuantity() - held.getOrDefault(line.getId(), 0L))));
		return returnable;
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
		if (!order.isFulfilled()) {
			throw new ReturnRuleViolation("orderNumber",
					"Order %s has not been %s yet; only its goods can be returned".formatted(order.getNumber(),
							(order.getType() == io.returnsdesk.sales.OrderType.SALES) ? "shipped" : "received"));
		}
		ReturnReason reason = parse(ReturnReason.class, "reason", request.reason());
		Resolution resolution = parse(Resolution.class, "resolution", request.resolution());
		String detail = (request.reasonDetail() != null) ? request.reasonDetail().strip() : null;
		if (detail != null) {
			ClientText.requireVisible("reasonDetail", "The reason detail", detail, true);
		}
		if (reason == ReturnReason.OTHER && (detail == null || detail.isEmpty())) {
			throw new ReturnRuleViolation("reasonDetail", "Describe the reason when it is 'other'");
		}
		if (detail != null && detail.length() > MAX_DETAIL_LENGTH) {
			throw new ReturnRuleViolation("reasonDetail",
					"The reason detail is longer than %d characters".formatted(MAX_DETAIL_LENGTH));
		}
		return new ReturnContent(reason, (detail == null || detail.isEmpty()) ? null : detail, resolution,
				checkedLines(request.lines(), order, revisedReturnId));
	}

	private List<RequestedLine> checkedLines(List<ReturnRequest.Line> lines, TradeOrder order, Long revisedReturnId) {
		if (lines == null || lines.isEmpty()) {
			throw new ReturnRuleViolation("lines", "A return needs at least one line");
		}
		Map<Integer, Integer> returnable = returnableQuantities(order, revisedReturnId);
		Map<Integer, Integer> asked = new HashMap<>();
		List<RequestedLine> checked = new ArrayList<>();
		for (ReturnRequest.Line line : lines) {
			TradeOrderLine orderLine = orderLine(order, line);
			int quantity = wholePositive(line.quantity(), orderLine);
			int total = asked.merge(orderLine.getLineNo(), quantity, Integer::sum);
			int available = returnable.getOrDefault(orderLine.getLineNo(), 0);
			if (total > available) {
				throw new ReturnRuleViolation("lines",
						"Only %d unit(s) of %s on order %s can still be returned; %d asked".formatted(available,
								orderLine.getProduct().getSku(), order.getNumber(), total));
			}
			checked.add(new RequestedLine(orderLine, quantity));
		}
		return checked;
	}

	private TradeOrderLine orderLine(TradeOrder order, ReturnRequest.Line line) {
		if (line == null || line.sku() == null || line.sku().isBlank()) {
			throw new ReturnRuleViolation("lines", "Each line needs a SKU");
		}
		ClientText.requireVisible("lines", "The SKU", line.sku(), false);
		String sku = line.sku().strip();
		List<TradeOrderLine> ofSku = order.getLines()
			.stream()
			.filter((candidate) -> candidate.getProduct().getSku().equalsIgnoreCase(sku))
			.toList();
		if (ofSku.isEmpty()) {
			throw new ReturnRuleViolation("lines",
					"%s is not on order %s".formatted(ClientText.shown(sku), order.getNumber()));
		}
		return ofSku.stream()
			.filter((candidate) -> line.lineNo() == null || candidate.getLineNo() == line.lineNo())
			.findFirst()
			.orElseThrow(() -> new ReturnRuleViolation("lines", "Line %d of order %s is not %s; it is on line %s"
				.formatted(line.lineNo(), order.getNumber(), ofSku.get(0).getProduct().getSku(), String.join(", ",
						ofSku.stream().map((candidate) -> String.valueOf(candidate.getLineNo())).toList()))));
	}

	private static int wholePositive(BigDecimal quantity, TradeOrderLine line) {
		String sku = line.getProduct().getSku();
		if (quantity == null) {
			throw new ReturnRuleViolation("lines", "Give a quantity for " + sku);
		}
		if (quantity.signum() <= 0) {
			throw new ReturnRuleViolation("lines", "The quantity of %s must be more than zero".formatted(sku));
		}
		if (quantity.stripTrailingZeros().scale() > 0) {
			throw new ReturnRuleViolation("lines", "The quantity of %s must be a whole number of units, not %s"
				.formatted(sku, ClientText.shown(quantity)));
		}
		if (quantity.compareTo(BigDecimal.valueOf(line.getFulfilledQuantity())) > 0) {
			throw new ReturnRuleViolation("lines", "Only %d unit(s) of %s were %s on order %s; %s asked".formatted(
					line.getFulfilledQuantity(), sku,
					(line.getOrder().getType() == io.returnsdesk.sales.OrderType.SALES) ? "shipped" : "received",
					line.getOrder().getNumber(), ClientText.shown(quantity)));
		}
		return quantity.intValueExact();
	}

	private ReturnOrder find(String number) {
		return this.returns.findByNumber(number).orElseThrow(() -> new ReturnNotFoundException(number));
	}

	static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
		if (value == null || value.isBlank()) {
			throw new ReturnRuleViolation(field, "Choose a %s: %s".formatted(field, choices(type)));
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new ReturnRuleViolation(field,
					"'%s' is not a %s; choose one of %s".formatted(ClientText.shown(value), field, choices(type)));
		}
	}

	private static String choices(Class<? extends Enum<?>> type) {
		return String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
	}

}
