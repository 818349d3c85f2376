package io.returnsdesk.returns.internal;

import java.util.List;

import io.returnsdesk.catalog.Product;
import io.returnsdesk.catalog.Products;
import io.returnsdesk.inventory.InsufficientStockException;
import io.returnsdesk.inventory.StockHolds;
import io.returnsdesk.returns.Resolution;
import io.returnsdesk.returns.ReturnRequest;
import io.returnsdesk.returns.ReturnRuleViolation;
import io.returnsdesk.returns.ReturnType;
import io.returnsdesk.returns.internal.ReturnContent.RequestedLine;

import org.springframework.stereotype.Service;

/**
 * The replacements of a customer's exchange: chosen by SKU ({@link ExchangeChosen}),
 * checked against the stock free in the original order's warehouse and held there while
 * the return is open, so that the replacement is there to ship when it is confirmed.
 */
@Service
public class Exchanges {

	private final Products products;

	private final StockHolds holds;

	Exchanges(Products products, StockHolds holds) {
		this.products = products;
		this.holds = holds;
	}

	/** The checked lines with the replacements the request names. */
	public List<RequestedLine> chosen(ReturnRequest request, List<RequestedLine> lines, Resolution resolution,
			ReturnType type) {
		return ExchangeChosen.lines(request.lines(), lines, resolution, type, this.products::findBySku);
	}

	/**
	 * Holds the replacements of a customer's exchange (or, for anything else, releases
	 * what it held); throws when the warehouse has too few free.
	 */
	public void hold(ReturnOrder order) {
		hold(order, wanted(order));
	}

	/**
	 * Holds the replacements of a return just asked for; one without any holds nothing
	 * and costs no statement (it cannot have held anything before).
	 */
	public void holdFirst(ReturnOrder order) {
		List<StockHolds.Hold> wanted = wanted(order);
		if (!wanted.isEmpty()) {
			hold(order, wanted);
		}
	}

	private void hold(ReturnOrder order, List<StockHolds.Hold> wanted) {
		try {
			this.holds.holdFor(order.getNumber(), wanted);
		}
		catch (InsufficientStockException ex) {
			throw shortOf(order, ex);
		}
	}

	/** Throws what {@link #hold} would, holding nothing: for a quote. */
	public void check(ReturnOrder draft) {
		try {
			this.holds.check("", wanted(draft));
		}
		catch (InsufficientStockException ex) {
			throw shortOf(draft, ex);
		}
	}

	/** Releases what a return held; nothing when it held nothing. */
	public void release(String number) {
		this.holds.release(number);
	}

	private static List<StockHolds.Hold> wanted(ReturnOrder order) {
		if (order.getType() != ReturnType.CUSTOMER || order.getResolution() != Resolution.EXCHANGE) {
			return List.of();
		}
		String warehouse = order.getOrder().getWarehouseCode();
		return order.getLines()
			.stream()
			.filter((line) -> line.getExchangeProduct() != null)
			.map((line) -> new StockHolds.Hold(line.getExchangeProduct(), warehouse, line.getLineNo(),
					line.getQuantity()))
			.toList();
	}

	private static ReturnRuleViolation shortOf(ReturnOrder order, InsufficientStockException ex) {
		String sku = order.getLines()
			.stream()
			.map(ReturnLine::getExchangeProduct)
			.filter((product) -> product != null && product.getId().equals(ex.getLevel().productId()))
			.map(Product::getSku)
			.findFirst()
			.orElse(String.valueOf(ex.getLevel().productId()));
		return new ReturnRuleViolation("lines",
				"Only %d unit(s) of %s are free in warehouse %s for the exchange; %d asked".formatted(ex.getAvailable(),
						sku, ex.getLevel().warehouseCode(), ex.getRequested()));
	}

}
