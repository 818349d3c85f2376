package io.returnsdesk.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.returnsdesk.catalog.StoreScope;
import io.returnsdesk.returns.ReturnQueries;
import io.returnsdesk.sales.OrderType;
import io.returnsdesk.sales.OrderView;
import io.returnsdesk.sales.OriginalOrders;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Original orders, to find what a return refers to and how much of each line is
 * returnable.
 */
@RestController
@Tag(name = "Original orders")
@RequestMapping("/api/orders")
class OrderController {

	private final OriginalOrders orders;

	private final ReturnQueries returns;

	OrderController(OriginalOrders orders, ReturnQueries returns) {
		this.orders = orders;
		this.returns = returns;
	}

	@Operation(summary = "Find original orders of the user's stores by number or party, newest first")
	@GetMapping
	PageResponse<OrderRow> search(@RequestParam(required = false) String q,
			@RequestParam(required = false) OrderType type, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, StoreScope scope) {
		return PageResponse.of(this.orders.search(q, type, scope, Paging.of(page, size)).map(OrderRow::of));
	}

	@Operation(summary = "An original order with the returnable quantity of each line")
	@GetMapping("/{number}")
	OrderDetail get(@PathVariable String number, StoreScope scope) {
		OrderView order = this.orders.view(number, scope);
		Map<Integer, Integer> returnable = this.returns.returnable(number);
		return new OrderDetail(order.number(), order.type(), order.status().name(), order.partyName(),
				order.storeCode(), order.warehouseCode(), order.date(), order.total(),
				order.lines()
					.stream()
					.map((line) -> new OrderLineDetail(line.lineNo(), line.sku(), line.barcode(), line.name(),
							line.quantity(), line.fulfilledQuantity(), line.unitPrice(),
							returnable.getOrDefault(line.lineNo(), 0)))
					.toList());
	}

	record OrderRow(String number, OrderType type, String status, String partyName, String storeCode, LocalDate date,
			BigDecimal total) {

		static OrderRow of(OrderView order) {
			return new OrderRow(order.number(), order.type(), order.status().name(), order.partyName(),
					order.storeCode(), order.date(), order.total());
		}

	}

	record OrderDetail(String number, OrderType type, String status, String partyName, String storeCode,
			String warehouseCode, LocalDate date, BigDecimal total, List<OrderLineDetail> lines) {

	}

	record OrderLineDetail(int lineNo, String sku, String barcode, String name, int quantity, int shippedQuantity,
			BigDecimal unitPrice, int returnableQuantity) {

	}

}
