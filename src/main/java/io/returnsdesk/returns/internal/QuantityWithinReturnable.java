package io.returnsdesk.returns.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.returnsdesk.returns.ReturnRequest;
import io.returnsdesk.returns.ReturnRuleViolation;
import io.returnsdesk.returns.internal.ReturnContent.RequestedLine;
import io.returnsdesk.sales.OrderType;
import io.returnsdesk.sales.TradeOrder;
import io.returnsdesk.sales.TradeOrderLine;

/**
 * A return asks for whole units of lines of its original order, each line no more than
 * was shipped (or received) minus what other returns of that line hold: every return that
 * is not withdrawn holds its units from the moment it is submitted, so two clerks cannot
 * both return the last unit.
 */
public final class QuantityWithinReturnable {

	private QuantityWithinReturnable() {
	}

	/**
	 * The requested lines, each matched to its order line; throws at the first line that
	 * breaks the rule.
	 * @param returnable units of each order line (by line number) a return may still take
	 */
	public static List<RequestedLine> lines(List<ReturnRequest.Line> lines, TradeOrder order,
			Map<Integer, Integer> returnable) {
		if (lines == null || lines.isEmpty()) {
			throw new ReturnRuleViolation("lines", "A return needs at least one line");
		}
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

	private static TradeOrderLine orderLine(TradeOrder order, ReturnRequest.Line line) {
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
			throw new ReturnRuleViolation("lines",
					"Only %d unit(s) of %s were %s on order %s; %s asked".formatted(line.getFulfilledQuantity(), sku,
							(line.getOrder().getType() == OrderType.SALES) ? "shipped" : "received",
							line.getOrder().getNumber(), ClientText.shown(quantity)));
		}
		return quantity.intValueExact();
	}

}
