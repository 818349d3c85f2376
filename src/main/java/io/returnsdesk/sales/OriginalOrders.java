package io.returnsdesk.sales;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.returnsdesk.catalog.StoreScope;
import io.returnsdesk.catalog.VatRate;
import io.returnsdesk.inventory.MovementKind;
import io.returnsdesk.inventory.StockChange;
import io.returnsdesk.inventory.StockLedger;
import io.returnsdesk.inventory.StockMovement;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds original orders and moves their goods: the original fulfilment and replacement
 * shipments of exchanged returns.
 */
@Service
public class OriginalOrders {

	private final TradeOrders orders;

	private final StockLedger ledger;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	OriginalOrders(TradeOrders orders, StockLedger ledger, ApplicationEventPublisher events, Clock clock) {
		this.orders = orders;
		this.ledger = ledger;
		this.events = events;
		this.clock = clock;
	}

	/** The order with its lines. */
	@Transactional(readOnly = true)
	public TradeOrder get(String number) {
		return this.orders.findByNumber(number).orElseThrow(() -> new OrderNotFoundException(number));
	}

	/**
	 * The order with its party, or none: one query whether or not there is such an order,
	 * for a caller whose answer must not tell the two apart by its work (self-service).
	 */
	@Transactional(readOnly = true)
	public Optional<TradeOrder> find(String number) {
		return this.orders.findWithParty(number);
	}

	/**
	 * The order, locked until the transaction ends, so that two returns of its lines are
	 * checked one after the other.
	 */
	@Transactional
	public TradeOrder lockForReturn(String number) {
		return this.orders.findByNumberForUpdate(number).orElseThrow(() -> new OrderNotFoundException(number));
	}

	/**
	 * The order, locked as by {@link #lockForReturn(String)}, when it is of one of the
	 * stores; else {@link OrderNotFoundException}, as for an order there is not.
	 */
	@Transactional
	public TradeOrder lockForReturn(String number, StoreScope scope) {
		return this.orders.findByNumberForUpdateWithin(number, scope.isEveryStore(), scope.queryStores())
			.orElseThrow(() -> new OrderNotFoundException(number));
	}

	/** The order with its lines, as the API shows it. */
	@Transactional(readOnly = true)
	public OrderView view(String number) {
		return view(number, StoreScope.everyStore());
	}

	/**
	 * The order with its lines, as the API shows it, when it is of one of the stores;
	 * else {@link OrderNotFoundException}, as for an order there is not.
	 */
	@Transactional(readOnly = true)
	public OrderView view(String number, StoreScope scope) {
		return OrderView.of(this.orders.findByNumberWithin(number, scope.isEveryStore(), scope.queryStores())
			.orElseThrow(() -> new OrderNotFoundException(number)), true);
	}

	/**
	 * Every order of a type in a status, with its lines, newest first: one query, for a
	 * caller that goes through them all.
	 */
	@Transactional(readOnly = true)
	public List<OrderView> views(OrderType type, OrderStatus status) {
		return this.orders.findWithLines(type, status).stream().map((order) -> OrderView.of(order, true)).toList();
	}

	/** Orders of every store whose number, customer or supplier matches, newest first. */
	@Transactional(readOnly = true)
	public Page<OrderView> search(String q, OrderType type, Pageable page) {
		return search(q, type, StoreScope.everyStore(), page);
	}

	/** Orders of the stores whose number, customer or supplier matches, newest first. */
	@Transactional(readOnly = true)
	public Page<OrderView> search(String q, OrderType type, StoreScope scope, Pageable page) {
		String text = (q != null) ? q.strip().toLowerCase(Locale.ROOT) : "";
		return this.orders
			.search(text, "%" + likeEscaped(text) + "%", type, scope.isEveryStore(), scope.queryStores(), page)
			.map((order) -> OrderView.of(order, false));
	}

	/** Records a new order. */
	@Transactional
	public TradeOrder place(TradeOrder order) {
		return this.orders.save(order);
	}

	/**
	 * Ships a sales order or receives a purchase order in full, moving the stock; tells
	 * {@link OrderFulfilled} in the same transaction.
	 */
	@Transactional
	public void fulfil(TradeOrder order, Instant at) {
		Shipment shipment = order.fulfil(at);
		fulfilled(order, shipment, this.ledger.post(changes(order, shipment), at));
	}

	/**
	 * Fulfils orders one after the other, each as {@link #fulfil(TradeOrder, Instant)}
	 * does, with the stock posted for them all at once: for writing a history of orders
	 * (the demo's).
	 */
	@Transactional
	public void fulfilInTurn(List<Fulfilment> fulfilments) {
		List<Shipment> shipments = fulfilments.stream().map((f) -> f.order().fulfil(f.at())).toList();
		List<StockLedger.Posting> postings = new ArrayList<>();
		for (int i = 0; i < fulfilments.size(); i++) {
			postings.add(new StockLedger.Posting(changes(fulfilments.get(i).order(), shipments.get(i)),
					fulfilments.get(i).at()));
		}
		List<List<StockMovement>> moved = this.ledger.postInTurn(postings);
		for (int i = 0; i < fulfilments.size(); i++) {
			fulfilled(fulfilments.get(i).order(), shipments.get(i), moved.get(i));
		}
	}

	/** An order to fulfil, and when. */
	public record Fulfilment(TradeOrder order, Instant at) {

	}

	/**
	 * Goods sold leave at the moving average; goods bought come in at their price net of
	 * VAT (deducted as input VAT).
	 */
	private static List<StockChange> changes(TradeOrder order, Shipment shipment) {
		boolean sale = order.getType() == OrderType.SALES;
		return shipment.getLines().stream().map((line) -> {
			TradeOrderLine orderLine = line.getOrderLine();
			return new StockChange(orderLine.getProduct(), shipment.getWarehouseCode(),
					sale ? -line.getQuantity() : line.getQuantity(),
					sale ? MovementKind.SALES_SHIPMENT : MovementKind.PURCHASE_RECEIPT, order.getNumber(),
					orderLine.getLineNo(),
					sale ? null : VatRate.split(orderLine.getUnitPrice(), orderLine.getVatRate()).net());
		}).toList();
	}

	private void fulfilled(TradeOrder order, Shipment shipment, List<StockMovement> moved) {
		Instant at = shipment.getShippedAt();
		moved
			.forEach((movement) -> order.line(movement.getReferenceLine()).orElseThrow().costs(movement.getUnitCost()));
		// after the stock, as every transaction that posts stock and adds to the report's
		// summary takes their rows' locks in this order
		this.events
			.publishEvent(new OrderFulfilled(order.getNumber(), order.getType(), order.getStoreCode(), at, shipment
				.getLines()
				.stream()
				.map((line) -> new OrderFulfilled.Line(line.getOrderLine().getProduct().getId(), line.getQuantity()))
				.toList()));
	}

	/**
	 * Ships replacement goods to the customer (or receives them from the supplier) for an
	 * exchanged return, once per return: a second call for the same return changes
	 * nothing.
	 */
	@Transactional
	public void shipReplacement(String orderNumber, String returnNumber, String warehouseCode,
			List<ReplacementLine> replacements) {
		TradeOrder order = lockForReturn(orderNumber);
		boolean alreadyShipped = order.getShipments()
			.stream()
			.anyMatch((shipment) -> returnNumber.equals(shipment.getReturnNumber()));
		if (alreadyShipped) {
			return;
		}
		Shipment shipment = order.shipReplacement(returnNumber, warehouseCode, replacements, this.clock.instant());
		boolean sale = order.getType() == OrderType.SALES;
		this.ledger.post(shipment.getLines()
			.stream()
			// a replacement sold leaves at the moving average; one a supplier sends comes
			// in
			// at the cost the units sent back left at
			.map((line) -> new StockChange(line.getProduct(), warehouseCode,
					sale ? -line.getQuantity() : line.getQuantity(),
					sale ? MovementKind.REPLACEMENT_SHIPMENT : MovementKind.REPLACEMENT_RECEIPT, returnNumber,
					line.getOrderLine().getLineNo(), sale ? null : line.getOrderLine().getUnitCost()))
			.toList());
	}

	/** The text with LIKE's wildcards taken literally. */
	public static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
