package io.returnsdesk.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An original order with its lines, as the API shows it.
 */
public record OrderView(String number, OrderType type, OrderStatus status, String partyCode, String partyName,
		String storeCode, String warehouseCode, LocalDate date, Instant fulfilledAt, BigDecimal total,
		List<Line> lines) {

	static OrderView of(TradeOrder order, boolean withLines) {
		return new OrderView(order.getNumber(), order.getType(), order.getStatus(), order.getParty().getCode(),
				order.getParty().getName(), order.getStoreCode(), order.getWarehouseCode(), order.getOrderDate(),
				order.getFulfilledAt(), order.getTotal(),
				withLines ? order.getLines()
					.stream()
					.map((line) -> new Line(line.getLineNo(), line.getProduct().getSku(), line.getProduct().getName(),
							line.getProduct().getBarcode(), line.getQuantity(), line.getFulfilledQuantity(),
							line.getUnitPrice()))
					.toList() : List.of());
	}

	/**
	 * An article of the order: ordered and shipped (or received) units, at the order's
	 * price.
	 */
	public record Line(int lineNo, String sku, String name, String barcode, int quantity, int fulfilledQuantity,
			BigDecimal unitPrice) {

	}

}
