package io.returnsdesk.returns;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.returnsdesk.returns.internal.ReturnOrder;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.lang.Nullable;

/**
 * A return as the API and the task forms show it; once confirmed, with the number of its
 * credit or debit note. The channel says who asked: a clerk on the desk
 * ({@code requestedBy} their user id) or the customer on the public page
 * ({@code requestedBy} {@code customer:} and the customer's code). The price difference
 * is what an exchange's replacements cost more (positive: the customer pays it with the
 * fee) or less (negative: refunded) than the units returned; zero for a refund.
 */
public record ReturnView(String number, ReturnType type, ReturnStatus status, String orderNumber, LocalDate orderDate,
		String partyName, String storeCode, ReturnChannel channel, String requestedBy, Instant requestedAt,
		@Nullable LocalDate returnedOn, ReturnReason reason, @Nullable String reasonDetail, Resolution resolution,
		List<Line> lines, BigDecimal totalAmount, BigDecimal restockingFee, boolean returnless,
		BigDecimal priceDifference, @Nullable String warehouseCode, @Nullable RefundMethod refundMethod,
		@Nullable BigDecimal refundAmount, @Nullable String rejectionReason, @Nullable String confirmationNote,
		@Nullable String creditNote, List<Event> history) {

	static ReturnView of(ReturnOrder order, String creditNote) {
		return new ReturnView(order.getNumber(), order.getType(), order.getStatus(), order.getOrder().getNumber(),
				order.getOrder().getOrderDate(), order.getOrder().getParty().getName(), order.getOrder().getStoreCode(),
				order.getChannel(), order.getRequestedBy(), order.getRequestedAt(),
				order.getSettlement().getReturnedOn(), order.getReason(), order.getReasonDetail(),
				order.getResolution(),
				order.getLines()
					.stream()
					.map((line) -> new Line(line.getLineNo(), line.getOrderLine().getLineNo(), line.getSku(),
							line.getName(), line.getQuantity(), line.getReceivedQuantity(), line.getScrappedQuantity(),
							line.getHeldQuantity(), line.getUnitPrice(), line.getAmount(),
							(line.getExchangeProduct() != null) ? line.getExchangeProduct().getSku() : null,
							(line.getExchangeProduct() != null) ? line.getExchangeProduct().getName() : null,
							line.getExchangeUnitPrice()))
					.toList(),
				order.getTotalAmount(), order.getRestockingFee(), order.isReturnless(), order.getPriceDifference(),
				order.getSettlement().getWarehouseCode(), order.getSettlement().getRefundMethod(),
				order.getSettlement().getRefundAmount(), order.getRejectionReason(), order.getConfirmationNote(),
				creditNote,
				order.getEvents()
					.stream()
					.map((event) -> new Event(event.getStatus(), event.getActor(), event.getAt(), event.getNote()))
					.toList());
	}

	/**
	 * A returned line, priced as on the original order: the units asked for, received
	 * (null until processed) and of those written off; the units it holds (asked for
	 * until processed, received from then on, asked for by a returnless refund) and their
	 * value; for an exchange, the article shipped instead (the same, another variant or
	 * product) and the price it is sold at.
	 */
	@Schema(name = "ReturnLine")
	public record Line(int lineNo, int orderLineNo, String sku, String name, int quantity,
			@Nullable Integer receivedQuantity, int scrappedQuantity, int heldQuantity, BigDecimal unitPrice,
			BigDecimal amount, @Nullable String exchangeSku, @Nullable String exchangeName,
			@Nullable BigDecimal exchangeUnitPrice) {

	}

	/** A change of status: who, when, and the reason or note given. */
	public record Event(ReturnStatus status, String actor, Instant at, @Nullable String note) {

	}

}
