package io.returnsdesk.support;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The master data and original orders of the check, written straight into the
 * application's tables (the application has no API for them) as the application itself
 * writes them: a fulfilled order has its shipment, every change of stock is a movement,
 * and each stock level is the sum of its movements. The benchmark seeds its lifecycles'
 * orders with it too.
 */
public final class MasterData {

	public static final String STORE = "CHAOS";

	public static final List<String> WAREHOUSES = List.of("CW-1", "CW-2");

	public static final int OPENING_STOCK = 10_000;

	private static final String[] PRICES = { "12.50", "8.90", "23.00", "5.25", "49.90", "3.10" };

	/** A line of an original order. */
	public record OrderLine(int lineNo, String sku, int quantity, BigDecimal unitPrice) {

	}

	/** An original order: a shipped sale or a received purchase. */
	public record Order(String number, boolean sale, String warehouse, List<OrderLine> lines) {

	}

	private MasterData() {
	}

	/**
	 * One order of its own for each lifecycle, so that clients never compete for the same
	 * units, all of a few products, so that their postings compete for the same stock
	 * rows.
	 */
	public static List<Order> seed(Connection connection, List<Boolean> sales) throws SQLException {
		return seed(connection, sales, PRICES.length, false);
	}

	/**
	 * As {@link #seed(Connection, List)} with the given number of products; spread, each
	 * order has products of its own, which the next 99 orders do not share (their
	 * postings do not compete for stock rows), else neighbouring orders share a product.
	 */
	public static List<Order> seed(Connection connection, List<Boolean> sales, int productCount, boolean spread)
			throws SQLException {
		connection.setAutoCommit(false);
		update(connection, "insert into store (code, name) values (?, ?)", STORE, "Chaos check store");
		for (String warehouse : WAREHOUSES) {
			update(connection, "insert into warehouse (code, name, store_code) values (?, ?, ?)", warehouse,
					"Chaos warehouse " + warehouse, STORE);
		}
		List<Long> products = new ArrayList<>();
		for (int i = 0; i < productCount; i++) {
			products.add(insert(connection, "insert into product (sku, barcode, name, unit_price) values (?, ?, ?, ?)",
					sku(i), "2990%09d".formatted(i), "Chaos article " + (i + 1),
					new BigDecimal(PRICES[i % PRICES.length])));
			for (String warehouse : WAREHOUSES) {
				movement(connection, products.get(i), warehouse, OPENING_STOCK, "OPENING", "OPENING-" + warehouse, 0,
						cost(i));
			}
		}
		long customer = insert(connection, "insert into party (code, kind, name, email) values (?, ?, ?, ?)", "CHAOS-C",
				"CUSTOMER", "Chaos customer", "customer@example.com");
		long supplier = insert(connection, "insert into party (code, kind, name, email) values (?, ?, ?, ?)", "CHAOS-S",
				"SUPPLIER", "Chaos supplier", "supplier@example.com");
		List<Order> orders = new ArrayList<>();
		for (int i = 0; i < sales.size(); i++) {
			boolean sale = sales.get(i);
			String number = "%s-CHAOS-%04d".formatted(sale ? "SO" : "PO", i + 1);
			String warehouse = WAREHOUSES.get(i % WAREHOUSES.size());
			long order = insert(connection, """
					insert into trade_order (number, type, status, party_id, store_code, warehouse_code, order_date,
					  fulfilled_at)
					values (?, ?, 'FULFILLED', ?, ?, ?, current_date - 3, now() - interval '3 days')""", number,
					sale ? "SALES" : "PURCHASE", sale ? customer : supplier, STORE, warehouse);
			long shipment = insert(connection, """
					insert into shipment (order_id, kind, warehouse_code, shipped_at)
					values (?, 'ORIGINAL', ?, now() - interval '3 days')""", order, warehouse);
			List<OrderLine> lines = new ArrayList<>();
			for (int lineNo = 1; lineNo <= 2; lineNo++) {
				int product = (spread ? 2 * i + lineNo - 1 : i + (lineNo - 1) * 2) % productCount;
				int quantity = sale ? 4 - lineNo : 5;
				BigDecimal price = new BigDecimal(PRICES[product % PRICES.length]);
				if (!sale) {
					price = price.multiply(new BigDecimal("0.60")).setScale(2, java.math.RoundingMode.HALF_UP);
				}
				// every unit of a product costs the same: sold and bought at that cost
				long line = insert(connection, """
						insert into trade_order_line (order_id, line_no, product_id, quantity, fulfilled_quantity,
						  unit_price, unit_cost)
						values (?, ?, ?, ?, ?, ?, ?)""", order, lineNo, products.get(product), quantity, quantity,
						price, cost(product));
				insert(connection, """
						insert into shipment_line (shipment_id, order_line_id, product_id, quantity)
						values (?, ?, ?, ?)""", shipment, line, products.get(product), quantity);
				movement(connection, products.get(product), warehouse, sale ? -quantity : quantity,
						sale ? "SALES_SHIPMENT" : "PURCHASE_RECEIPT", number, lineNo, cost(product));
				lines.add(new OrderLine(lineNo, sku(product), quantity, price));
			}
			orders.add(new Order(number, sale, warehouse, lines));
		}
		update(connection, """
				insert into stock_level (product_id, warehouse_code, on_hand)
				select product_id, warehouse_code, sum(quantity) from stock_movement
				group by product_id, warehouse_code""");
		update(connection, """
				insert into stock_valuation (product_id, quantity, total_value)
				select product_id, sum(quantity), sum(moved_value) from stock_movement group by product_id""");
		connection.commit();
		connection.setAutoCommit(true);
		return orders;
	}

	public static String sku(int product) {
		return "CHAOS-%d".formatted(product + 1);
	}

	private static void movement(Connection connection, long product, String warehouse, int quantity, String kind,
			String reference, int line, BigDecimal unitCost) throws SQLException {
		insert(connection, """
				insert into stock_movement (product_id, warehouse_code, quantity, kind, reference, reference_line, at,
				  unit_cost, moved_value)
				values (?, ?, ?, ?, ?, ?, now() - interval '4 days', ?, ?)""", product, warehouse, quantity, kind,
				reference, line, unitCost, unitCost.multiply(BigDecimal.valueOf(quantity)));
	}

	/** What a unit of a product costs: half its price. */
	private static BigDecimal cost(int product) {
		return new BigDecimal(PRICES[product % PRICES.length]).divide(BigDecimal.valueOf(2), 2,
				java.math.RoundingMode.HALF_UP);
	}

	private static void update(Connection connection, String sql, Object... values) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			bind(statement, values);
			statement.executeUpdate();
		}
	}

	private static long insert(Connection connection, String sql, Object... values) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql, new String[] { "id" })) {
			bind(statement, values);
			statement.executeUpdate();
			try (ResultSet keys = statement.getGeneratedKeys()) {
				keys.next();
				return keys.getLong(1);
			}
		}
	}

	private static void bind(PreparedStatement statement, Object... values) throws SQLException {
		for (int i = 0; i < values.length; i++) {
			statement.setObject(i + 1, values[i]);
		}
	}

}
