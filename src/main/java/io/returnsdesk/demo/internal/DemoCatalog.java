package io.returnsdesk.demo.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.returnsdesk.catalog.Parties;
import io.returnsdesk.catalog.Party;
import io.returnsdesk.catalog.PartyKind;
import io.returnsdesk.catalog.Product;
import io.returnsdesk.catalog.Products;
import io.returnsdesk.catalog.Store;
import io.returnsdesk.catalog.Stores;
import io.returnsdesk.catalog.VatRate;
import io.returnsdesk.inventory.MovementKind;
import io.returnsdesk.inventory.StockChange;
import io.returnsdesk.inventory.StockLedger;
import io.returnsdesk.inventory.Warehouse;
import io.returnsdesk.inventory.Warehouses;
import io.returnsdesk.sales.OrderType;
import io.returnsdesk.sales.OriginalOrders;
import io.returnsdesk.sales.TradeOrder;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the master data and four months of shipped sales orders and received purchase
 * orders, the same every time (a fixed random seed), with stock that is the sum of its
 * movements.
 */
@Component
public class DemoCatalog {

	/** How far back the demo orders go. */
	public static final int DAYS_OF_HISTORY = 120;

	// name, 中文名, price (VAT included), VAT rate; variants: colours unless named
	private static final String[][] ARTICLES = { { "Thermal mug", "保温杯", "39.00", "0.13" },
			{ "Wireless mouse", "无线鼠标", "89.00", "0.13" }, { "Bluetooth earbuds", "蓝牙耳机", "299.00", "0.13" },
			{ "Power bank", "充电宝", "129.00", "0.13" }, { "USB-C cable", "数据线", "29.90", "0.13" },
			{ "Desk lamp", "台灯", "159.00", "0.13" }, { "Notebook A5", "笔记本", "12.50", "0.09" },
			{ "Gel pens", "中性笔", "9.90", "0.13" }, { "Backpack", "双肩包", "239.00", "0.13" },
			{ "Rice cooker", "电饭煲", "459.00", "0.13" }, { "Air fryer", "空气炸锅", "599.00", "0.13" },
			{ "Tablet 10\"", "平板电脑", "2399.00", "0.13" }, { "Extended warranty", "延保服务", "99.00", "0.06" },
			{ "Gift card", "礼品卡", "100.00", "0" } };

	private static final String[][] VARIANTS = { { "Black", "黑色" }, { "White", "白色" }, { "Blue", "蓝色" },
			{ "Red", "红色" }, { "Grey", "灰色" } };

	// services and cards come in terms and values, not colours: name, 中文名, price factor
	private static final String[][] TERMS = { { "1 year", "1年", "1" }, { "2 years", "2年", "1.7" },
			{ "3 years", "3年", "2.3" } };

	private static final String[][] VALUES = { { "100 yuan", "100元", "1" }, { "200 yuan", "200元", "2" },
			{ "500 yuan", "500元", "5" } };

	private static final String[][] STORES = { { "S01", "Shanghai Nanjing Road 上海南京路店" },
			{ "S02", "Beijing Sanlitun 北京三里屯店" }, { "S03", "Shenzhen Huaqiangbei 深圳华强北店" } };

	private static final String[][] WAREHOUSES = { { "WH-SH", "Shanghai warehouse 上海仓", "S01" },
			{ "WH-BJ", "Beijing warehouse 北京仓", "S02" }, { "WH-SZ", "Shenzhen warehouse 深圳仓", "S03" },
			{ "WH-DC", "Central distribution centre 中央配送中心", null } };

	private static final String[] SURNAMES = { "Wang 王", "Li 李", "Zhang 张", "Liu 刘", "Chen 陈", "Yang 杨", "Huang 黄",
			"Zhao 赵", "Wu 吴", "Zhou 周" };

	private static final String[] SUPPLIERS = { "Ningbo Homeware Co. 宁波家居有限公司", "Shenzhen Digital Accessories 深圳数码配件厂",
			"Guangzhou Office Supplies 广州文具批发", "Foshan Appliances 佛山小家电", "Hangzhou Bags & Travel 杭州箱包",
			"Dongguan Electronics 东莞电子" };

	static final int OPENING_STOCK = 200;

	private final Products products;

	private final Stores stores;

	private final Parties parties;

	private final Warehouses warehouses;

	private final StockLedger stock;

	private final OriginalOrders orders;

	private final Clock clock;

	DemoCatalog(Products products, Stores stores, Parties parties, Warehouses warehouses, StockLedger stock,
			OriginalOrders orders, Clock clock) {
		this.products = products;
		this.stores = stores;
		this.parties = parties;
		this.warehouses = warehouses;
		this.stock = stock;
		this.orders = orders;
		this.clock = clock;
	}

	/** Whether the demo data is there already. */
	public boolean isSeeded() {
		return this.products.count() > 0;
	}

	/** Seeds everything, in one transaction. */
	@Transactional
	public void seed() {
		Random random = new Random(42);
		ZoneId zone = this.clock.getZone();
		LocalDate today = LocalDate.now(this.clock);
		LocalDate start = today.minusDays(DAYS_OF_HISTORY);
		List<Product> catalogue = seedProducts();
		// the orders draw from the goods; services and gift cards are sold apart, below,
		// so that the goods' orders stay the ones the demo has always had
		List<Product> goods = catalogue.stream()
			.filter((product) -> product.getSku().compareTo("SKU-1061") < 0)
			.toList();
		for (String[] store : STORES) {
			this.stores.save(new Store(store[0], store[1]));
		}
		for (String[] warehouse : WAREHOUSES) {
			this.warehouses.save(new Warehouse(warehouse[0], warehouse[1], warehouse[2]));
		}
		List<Party> customers = new ArrayList<>();
		for (int i = 1; i <= 30; i++) {
			String name = SURNAMES[i % SURNAMES.length] + " " + (char) ('A' + (i % 26)) + ".";
			String code = "C%03d".formatted(i);
			customers.add(this.parties.save(
					new Party(code, PartyKind.CUSTOMER, name, "customer%d@example.com".formatted(i), mobileOf(code))));
		}
		customers.add(this.parties.save(new Party("C900", PartyKind.CUSTOMER, "Acme Trading Ltd. 艾克美贸易有限公司",
				"purchasing@acme.example.com", mobileOf("C900"))));
		List<Party> suppliers = new ArrayList<>();
		for (int i = 0; i < SUPPLIERS.length; i++) {
			suppliers.add(this.parties.save(new Party("V%02d".formatted(i + 1), PartyKind.SUPPLIER, SUPPLIERS[i],
					"sales@supplier%d.example.com".formatted(i + 1))));
		}
		Instant opening = start.minusDays(1).atStartOfDay(zone).toInstant();
		List<StockLedger.Posting> openingStock = new ArrayList<>();
		for (Product product : catalogue) {
			List<StockChange> changes = new ArrayList<>();
			for (String[] warehouse : WAREHOUSES) {
				changes.add(new StockChange(product, warehouse[0], OPENING_STOCK, MovementKind.OPENING,
						"OPENING-" + warehouse[0], 0, cost(product)));
			}
			openingStock.add(new StockLedger.Posting(changes, opening));
		}
		this.stock.postInTurn(openingStock);
		// the orders are written as placed, and fulfilled together, in the same turn
		List<OriginalOrders.Fulfilment> fulfilments = new ArrayList<>();

		int sequence = 0;
		for (int i = 0; i < 60; i++) {
			LocalDate date = start.plusDays(random.nextInt(DAYS_OF_HISTORY));
			Party supplier = suppliers.get(random.nextInt(suppliers.size()));
			String[] warehouse = WAREHOUSES[random.nextInt(WAREHOUSES.length)];
			TradeOrder order = new TradeOrder("PO-%s-%04d".formatted(date.toString().replace("-", ""), ++sequence),
					OrderType.PURCHASE, supplier, (warehouse[2] != null) ? warehouse[2] : "S01", warehouse[0], date);
			for (int line = 0, lines = 1 + random.nextInt(3); line < lines; line++) {
				Product product = goods.get(random.nextInt(goods.size()));
				order.addLine(product, 20 + 10 * random.nextInt(9), purchasePrice(product));
			}
			place(order, date, today, random, zone, fulfilments);
		}
		for (int i = 0; i < 320; i++) {
			LocalDate date = start.plusDays(random.nextInt(DAYS_OF_HISTORY + 1));
			Party customer = customers.get(random.nextInt(customers.size() - 1));
			String[] store = STORES[random.nextInt(STORES.length)];
			TradeOrder order = new TradeOrder("SO-%s-%04d".formatted(date.toString().replace("-", ""), ++sequence),
					OrderType.SALES, customer, store[0], warehouseOf(store[0]), date);
			for (int line = 0, lines = 1 + random.nextInt(4); line < lines; line++) {
				Product product = goods.get(random.nextInt(goods.size()));
				if (order.getLines().stream().noneMatch((l) -> l.getProduct().equals(product))) {
					order.addLine(product, 1 + random.nextInt(4), product.getUnitPrice());
				}
			}
			place(order, date, today, random, zone, fulfilments);
		}
		// a business customer's large order: its returns go to a manager
		LocalDate big = today.minusDays(12);
		TradeOrder corporate = new TradeOrder("SO-%s-%04d".formatted(big.toString().replace("-", ""), ++sequence),
				OrderType.SALES, customers.get(customers.size() - 1), "S01", "WH-SH", big);
		corporate.addLine(catalogue.get(55), 10, catalogue.get(55).getUnitPrice());
		corporate.addLine(catalogue.get(10), 8, catalogue.get(10).getUnitPrice());
		place(corporate, big, today, random, zone, fulfilments);
		// a few of the last days' orders with an extended warranty (6 % VAT) or a gift
		// card
		// (none): shipped, so that their returns can be asked for
		Random extras = new Random(17);
		List<Product> others = catalogue.stream().filter((product) -> !goods.contains(product)).toList();
		for (int i = 0; i < 6; i++) {
			LocalDate date = today.minusDays(4 + i);
			Party customer = customers.get(extras.nextInt(customers.size() - 1));
			String store = STORES[extras.nextInt(STORES.length)][0];
			TradeOrder order = new TradeOrder("SO-%s-%04d".formatted(date.toString().replace("-", ""), ++sequence),
					OrderType.SALES, customer, store, warehouseOf(store), date);
			Product product = others.get(i % others.size());
			order.addLine(product, 1 + extras.nextInt(2), product.getUnitPrice());
			this.orders.place(order);
			fulfilments.add(new OriginalOrders.Fulfilment(order, date.atTime(15, 0).atZone(zone).toInstant()));
		}
		// the stock of every order in one turn: posted order by order, each product's
		// valuation and levels read once (one by one, the orders took seconds of the
		// first
		// start)
		this.orders.fulfilInTurn(fulfilments);
	}

	/**
	 * A customer's Chinese mobile number (139, then eight digits), the same for the same
	 * code on every machine and every start: from the code, not from the demo's random
	 * draws, so that adding phones changed none of the other demo data.
	 */
	public static String mobileOf(String customerCode) {
		long digits = Math.floorMod(customerCode.hashCode() * 2_654_435_761L, 100_000_000L);
		return "139%08d".formatted(digits);
	}

	private void place(TradeOrder order, LocalDate date, LocalDate today, Random random, ZoneId zone,
			List<OriginalOrders.Fulfilment> fulfilments) {
		this.orders.place(order);
		LocalDate fulfilled = date.plusDays(random.nextInt(3));
		// the orders of the last days are partly still open: nothing of them can be
		// returned yet
		if (!fulfilled.isAfter(today) && !(date.isAfter(today.minusDays(3)) && random.nextInt(3) == 0)) {
			Instant at = fulfilled.atTime(10 + random.nextInt(8), random.nextInt(60)).atZone(zone).toInstant();
			Instant now = this.clock.instant();
			fulfilments.add(new OriginalOrders.Fulfilment(order, at.isAfter(now) ? now : at));
		}
	}

	private static String warehouseOf(String store) {
		for (String[] warehouse : WAREHOUSES) {
			if (store.equals(warehouse[2])) {
				return warehouse[0];
			}
		}
		throw new IllegalArgumentException(store);
	}

	private List<Product> seedProducts() {
		List<Product> catalogue = new ArrayList<>();
		int number = 1000;
		for (String[] article : ARTICLES) {
			for (String[] variant : variants(article[0])) {
				number++;
				String barcode = ean13("690" + "1234" + String.format("%05d", number));
				BigDecimal price = new BigDecimal(article[2])
					.multiply(new BigDecimal((variant.length > 2) ? variant[2] : "1"))
					.setScale(2, RoundingMode.HALF_UP);
				catalogue.add(this.products.save(new Product("SKU-" + number, barcode,
						"%s %s · %s%s".formatted(article[0], variant[0], variant[1], article[1]), price,
						new BigDecimal(article[3]))
					.variantOf("%s · %s".formatted(article[0], article[1]),
							"%s · %s".formatted(variant[0], variant[1]))));
			}
		}
		return catalogue;
	}

	private static String[][] variants(String article) {
		return switch (article) {
			case "Extended warranty" -> TERMS;
			case "Gift card" -> VALUES;
			default -> VARIANTS;
		};
	}

	/**
	 * What a unit costs the merchant: 60 % of its price net of VAT, as its purchase
	 * orders pay.
	 */
	static BigDecimal cost(Product product) {
		return VatRate.split(purchasePrice(product), product.getVatRate()).net();
	}

	/** What a supplier charges for a unit, VAT included. */
	static BigDecimal purchasePrice(Product product) {
		return product.getUnitPrice().multiply(new BigDecimal("0.60")).setScale(2, RoundingMode.HALF_UP);
	}

	/** Completes 12 digits with the EAN-13 check digit. */
	static String ean13(String twelveDigits) {
		int sum = 0;
		for (int i = 0; i < 12; i++) {
			int digit = twelveDigits.charAt(i) - '0';
			sum += (i % 2 == 0) ? digit : digit * 3;
		}
		return twelveDigits + ((10 - sum % 10) % 10);
	}

}
