package io.returnsdesk.support;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.returnsdesk.catalog.Parties;
import io.returnsdesk.catalog.Party;
import io.returnsdesk.catalog.PartyKind;
import io.returnsdesk.catalog.Product;
import io.returnsdesk.catalog.Products;
import io.returnsdesk.catalog.Store;
import io.returnsdesk.catalog.Stores;
import io.returnsdesk.inventory.MovementKind;
import io.returnsdesk.inventory.StockChange;
import io.returnsdesk.inventory.StockLedger;
import io.returnsdesk.inventory.Warehouse;
import io.returnsdesk.inventory.Warehouses;
import io.returnsdesk.sales.OrderType;
import io.returnsdesk.sales.OriginalOrders;
import io.returnsdesk.sales.TradeOrder;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the master data and orders a test needs, each with fresh codes so that tests
 * sharing a database never see each other's stock.
 */
@Component
public class TestFixtures {

	public static final String STORE = "TS";

	public static final String WAREHOUSE = "WT-A";

	public static final String OTHER_WAREHOUSE = "WT-B";

	private static final AtomicLong BARCODES = new AtomicLong(System.nanoTime() % 1_000_000_000L);

	private final Products products;

	private final Stores stores;

	private final Parties parties;

	private final Warehouses warehouses;

	private final StockLedger stock;

	private final OriginalOrders orders;

	private final TransactionTemplate transaction;

	private final Clock clock;

	TestFixtures(Products products, Stores stores, Parties parties, Warehouses warehouses, StockLedger stock,
			OriginalOrders orders, TransactionTemplate transaction, Clock clock) {
		this.products = products;
		this.stores = stores;
		this.parties = parties;
		this.warehouses = warehouses;
		this.stock = stock;
		this.orders = orders;
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * A new product at the given price, with some opening stock in the test warehouse.
	 */
	public Product product(String price, int openingStock) {
		return product(null, price, openingStock);
	}

	/**
	 * A new product with the given name (or a made-up one), price and opening stock in
	 * the test warehouse.
	 */
	public Product product(String name, String price, int openingStock) {
		return product(name, price, "0.13", openingStock, null);
	}

	/**
	 * A new product with the given name (or a made-up one), price, VAT rate and opening
	 * stock in the test warehouse, each unit of which costs the given amount (or else
	 * half the price, which is easy to reckon with).
	 */
	public Product product(String name, String price, String vatRate, int openingStock, String unitCost) {
		ensureWarehouses();
		String code = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		Product product = this.products
			.save(new Product("T-" + code, "2" + String.format("%012d", BARCODES.incrementAndGet()),
					(name != null) ? name : "Test article " + code, new BigDecimal(price), new BigDecimal(vatRate)));
		if (openingStock > 0) {
			BigDecimal cost = (unitCost != null) ? new BigDecimal(unitCost)
					: new BigDecimal(price).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
			this.stock.post(List.of(new StockChange(product, WAREHOUSE, openingStock, MovementKind.OPENING,
					"OPENING-" + code, 0, cost)));
		}
		return product;
	}

	/** A sales order shipped the given number of days ago. */
	public TradeOrder shippedSale(int daysAgo, Line... lines) {
		return order(OrderType.SALES, daysAgo, true, lines);
	}

	/**
	 * A sales order of a given store (created when missing), shipped the given number of
	 * days ago.
	 */
	public TradeOrder shippedSale(String store, int daysAgo, Line... lines) {
		this.transaction.executeWithoutResult((status) -> {
			if (!this.stores.existsById(store)) {
				this.stores.save(new Store(store, "Test store " + store));
			}
		});
		return order(OrderType.SALES, store, null, daysAgo, true, lines);
	}

	/** A sales order of the given customer, shipped the given number of days ago. */
	public TradeOrder shippedSale(Party customer, int daysAgo, Line... lines) {
		return order(OrderType.SALES, STORE, customer, daysAgo, true, lines);
	}

	/** A sales order not shipped yet. */
	public TradeOrder openSale(Line... lines) {
		return order(OrderType.SALES, 0, false, lines);
	}

	/** A purchase order received the given number of days ago. */
	public TradeOrder receivedPurchase(int daysAgo, Line... lines) {
		return order(OrderType.PURCHASE, daysAgo, true, lines);
	}

	public static Line line(Product product, int quantity) {
		return new Line(product, quantity, product.getUnitPrice());
	}

	public static Line line(Product product, int quantity, String unitPrice) {
		return new Line(product, quantity, new BigDecimal(unitPrice));
	}

	/** A sales order of the given store and customer, shipped the given days ago. */
	public TradeOrder shippedSale(Store store, Party customer, int daysAgo, Line... lines) {
		return order(OrderType.SALES, store.getCode(), customer, daysAgo, true, lines);
	}

	/** A purchase order of the given store and supplier, received the given days ago. */
	public TradeOrder receivedPurchase(Store store, Party supplier, int daysAgo, Line... lines) {
		return order(OrderType.PURCHASE, store.getCode(), supplier, daysAgo, true, lines);
	}

	/** A new store of its own, to keep a test's orders and returns apart from others'. */
	public Store store() {
		ensureWarehouses();
		return this.stores.save(new Store("S" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
				"Test store " + BARCODES.incrementAndGet()));
	}

	/** A new customer with a code of its own and the given phone number. */
	public Party customer(String phone) {
		String code = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		return this.parties
			.save(new Party(code, PartyKind.CUSTOMER, "Customer " + code, code.toLowerCase() + "@example.com", phone));
	}

	/** A new customer or supplier with the given name and a code of its own. */
	public Party party(PartyKind kind, String name) {
		String code = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		return this.parties.save(new Party(code, kind, name, code.toLowerCase() + "@example.com"));
	}

	private TradeOrder order(OrderType type, int daysAgo, boolean fulfilled, Line... lines) {
		return order(type, STORE, null, daysAgo, fulfilled, lines);
	}

	private TradeOrder order(OrderType type, String storeCode, Party givenParty, int daysAgo, boolean fulfilled,
			Line... lines) {
		ensureWarehouses();
		return this.transaction.execute((status) -> {
			String code = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
			Party party = (givenParty != null) ? givenParty
					: this.parties
						.save(new Party(code, (type == OrderType.SALES) ? PartyKind.CUSTOMER : PartyKind.SUPPLIER,
								"Party " + code, code.toLowerCase() + "@example.com"));
			LocalDate date = LocalDate.now(this.clock).minusDays(daysAgo);
			TradeOrder order = new TradeOrder(((type == OrderType.SALES) ? "SO-T" : "PO-T") + code, type, party,
					storeCode, WAREHOUSE, date);
			for (Line line : lines) {
				order.addLine(line.product(), line.quantity(), line.unitPrice());
			}
			this.orders.place(order);
			if (fulfilled) {
				this.orders.fulfil(order, this.clock.instant().minus(Duration.ofDays(daysAgo)));
			}
			return order;
		});
	}

	private void ensureWarehouses() {
		this.transaction.executeWithoutResult((status) -> {
			if (!this.stores.existsById(STORE)) {
				this.stores.save(new Store(STORE, "Test store"));
				this.warehouses.save(new Warehouse(WAREHOUSE, "Test warehouse A", STORE));
				this.warehouses.save(new Warehouse(OTHER_WAREHOUSE, "Test warehouse B", STORE));
			}
		});
	}

	/** Units of a product on an order, at a price. */
	public record Line(Product product, int quantity, BigDecimal unitPrice) {

	}

}
