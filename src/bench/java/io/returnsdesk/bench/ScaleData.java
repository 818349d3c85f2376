package io.returnsdesk.bench;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A realistic data set at scale, written straight into the application's PostgreSQL
 * database (migrated by Flyway, the application running) with set-based SQL, as the
 * application itself would have written it over two years.
 * <p>
 * For {@code returnLines} return lines (a million by default,
 * {@code -Dbench.return-lines}) it writes: 12 stores with a warehouse each and a central
 * one; 2,000 products; customers (one per 20 return lines) and 200 suppliers; about
 * {@code returnLines / 0.88} original orders over the last 730 days (one in twelve a
 * purchase), 1 to 5 lines each, sales of 2 to 20 units a line and purchases of 20 to 200,
 * each fulfilled by an {@code ORIGINAL} shipment (a third of the last two days' orders
 * are still open); returns on about 60 % of the fulfilled orders, 1 to 3 of their lines
 * each, a few days to four weeks after the shipment, of a third of the units on average,
 * more or less by product, so that a product's unit return rate lies between about 3 %
 * and 15 %; statuses by age (older returns mostly {@code CONFIRMED}, the last two weeks'
 * still in every step), reasons, reason details in Chinese and English, resolutions,
 * refunds, scrapped lines and the status events of each path. Confirmed returns have
 * their stock movements, balanced journal entries and, for exchanges, their replacement
 * shipment; every shipment has its stock movements, opening stock keeps every level at
 * zero or more, and each stock level is the sum of its movements. The day counters of the
 * return numbers are set, so that the application numbers new returns after these.
 * <p>
 * Open returns have no process instance: the data set is for searching and reporting, not
 * for working tasks. Ids are taken above the tables' highest and the identity sequences
 * set past them afterwards, so the application must not write meanwhile.
 */
public final class ScaleData {

	/** The figures of a generation: rows per table and how long it took. */
	public record Generated(Map<String, Long> rows, double seconds) {

		public long returnLines() {
			return this.rows.getOrDefault("return_line", 0L);
		}

		public long orders() {
			return this.rows.getOrDefault("trade_order", 0L);
		}

	}

	static final int DAYS = 730;

	static final int PRODUCTS = 2000;

	static final int SUPPLIERS = 200;

	static final String SKU_PREFIX = "SKU-2";

	static final List<String[]> STORES = List.of(new String[] { "SH01", "上海南京路店 Shanghai Nanjing Road" },
			new String[] { "BJ01", "北京三里屯店 Beijing Sanlitun" }, new String[] { "SZ01", "深圳华强北店 Shenzhen Huaqiangbei" },
			new String[] { "GZ01", "广州天河店 Guangzhou Tianhe" }, new String[] { "HZ01", "杭州西湖店 Hangzhou West Lake" },
			new String[] { "CD01", "成都春熙路店 Chengdu Chunxi Road" }, new String[] { "WH01", "武汉光谷店 Wuhan Optics Valley" },
			new String[] { "NJ01", "南京新街口店 Nanjing Xinjiekou" }, new String[] { "XA01", "西安钟楼店 Xi'an Bell Tower" },
			new String[] { "CQ01", "重庆解放碑店 Chongqing Jiefangbei" }, new String[] { "TJ01", "天津滨江道店 Tianjin Binjiang" },
			new String[] { "SU01", "苏州观前街店 Suzhou Guanqian" });

	static final String CENTRAL_WAREHOUSE = "WH-DC1";

	private static final String[][] ARTICLES = { { "Thermal mug", "保温杯", "39" }, { "Wireless mouse", "无线鼠标", "89" },
			{ "Bluetooth earbuds", "蓝牙耳机", "299" }, { "Power bank", "充电宝", "129" }, { "USB-C cable", "数据线", "29.9" },
			{ "Desk lamp", "台灯", "159" }, { "Notebook A5", "笔记本", "12.5" }, { "Gel pens", "中性笔", "9.9" },
			{ "Backpack", "双肩包", "239" }, { "Rice cooker", "电饭煲", "459" }, { "Air fryer", "空气炸锅", "599" },
			{ "Tablet", "平板电脑", "2399" }, { "Kettle", "电热水壶", "149" }, { "Hair dryer", "吹风机", "199" },
			{ "Keyboard", "机械键盘", "349" }, { "Monitor stand", "显示器支架", "119" }, { "Water bottle", "运动水壶", "59" },
			{ "Umbrella", "雨伞", "69" }, { "Running shoes", "跑步鞋", "499" }, { "T-shirt", "T恤", "79" },
			{ "Down jacket", "羽绒服", "899" }, { "Jeans", "牛仔裤", "259" }, { "Pillow", "枕头", "129" },
			{ "Bed sheet set", "床单四件套", "329" }, { "Frying pan", "不粘锅", "189" }, { "Knife set", "刀具套装", "269" },
			{ "Vacuum cleaner", "吸尘器", "1299" }, { "Electric toothbrush", "电动牙刷", "249" },
			{ "Smart watch", "智能手表", "1199" }, { "Phone case", "手机壳", "39" }, { "Screen protector", "钢化膜", "19.9" },
			{ "Router", "无线路由器", "299" }, { "Webcam", "摄像头", "199" }, { "Speaker", "蓝牙音箱", "399" },
			{ "Suitcase", "拉杆箱", "599" }, { "Yoga mat", "瑜伽垫", "99" }, { "Dumbbells", "哑铃", "159" },
			{ "Baby bottle", "奶瓶", "89" }, { "Toy blocks", "积木", "199" }, { "Tea set", "茶具", "359" } };

	private static final String[][] VARIANTS = { { "Black", "黑色" }, { "White", "白色" }, { "Blue", "蓝色" },
			{ "Red", "红色" }, { "Grey", "灰色" }, { "Green", "绿色" }, { "Pink", "粉色" }, { "Gold", "金色" },
			{ "Silver", "银色" }, { "Navy", "藏青" } };

	private static final String[][] SIZES = { { "S", "小号", "0.9" }, { "M", "中号", "1.0" }, { "L", "大号", "1.15" },
			{ "XL", "特大号", "1.3" }, { "Pro", "专业版", "1.6" } };

	private final DataSource database;

	private final ZoneId zone;

	private final PrintStream out;

	public ScaleData(DataSource database, ZoneId zone, PrintStream out) {
		this.database = database;
		this.zone = zone;
		this.out = out;
	}

	/**
	 * Generates about {@code returnLines} return lines and their orders, then analyses.
	 */
	public Generated generate(int returnLines) throws SQLException {
		long begin = System.nanoTime();
		// 0.88 return lines per order came out of the shares below
		long orders = Math.max(100, Math.round(returnLines / 0.88));
		long customers = Math.max(100, returnLines / 20);
		this.out.printf("Generating about %,d return lines on %,d orders (%,d customers, %d products) ...%n",
				returnLines, orders, customers, PRODUCTS);
		try (Connection connection = this.database.getConnection()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute("set local synchronous_commit = off");
				statement.execute("set local work_mem = '256MB'");
				statement.execute("set local maintenance_work_mem = '512MB'");
			}
			refuseASecondRun(connection);
			Map<String, Long> base = bases(connection);
			seedMasterData(connection, base, customers);
			step(connection, "orders", generateSql(base, orders, customers));
			connection.commit();
			connection.setAutoCommit(true);
			for (String table : TABLES) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("select setval(pg_get_serial_sequence('%s', 'id'), (select max(id) from %s))"
						.formatted(table, table));
				}
			}
			double generated = (System.nanoTime() - begin) / 1e9;
			long analyse = System.nanoTime();
			try (Statement statement = connection.createStatement()) {
				// as autovacuum does after bulk inserts: statistics, and the visibility
				// map that index-only scans need
				statement.execute("vacuum analyze");
			}
			this.out.printf("  vacuum analyze: %.1f s%n", (System.nanoTime() - analyse) / 1e9);
			Map<String, Long> rows = counts(connection);
			double seconds = (System.nanoTime() - begin) / 1e9;
			this.out.printf("Generated in %.1f s (%.1f s writing, the rest analysing):%n", seconds, generated);
			rows.forEach((table, count) -> this.out.printf("  %-22s %,12d%n", table, count));
			printRates(connection);
			return new Generated(rows, seconds);
		}
	}

	private static final List<String> TABLES = List.of("product", "party", "trade_order", "trade_order_line",
			"shipment", "shipment_line", "return_order", "return_line", "return_event", "stock_movement",
			"journal_entry");

	private static void refuseASecondRun(Connection connection) throws SQLException {
		try (PreparedStatement query = connection
			.prepareStatement("select count(*) from product where sku like '" + SKU_PREFIX + "%'")) {
			ResultSet result = query.executeQuery();
			result.next();
			if (result.getLong(1) > 0) {
				throw new IllegalStateException("The scale data set is there already; generate it on a new database");
			}
		}
	}

	private static Map<String, Long> bases(Connection connection) throws SQLException {
		Map<String, Long> base = new LinkedHashMap<>();
		for (String table : TABLES) {
			try (Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("select coalesce(max(id), 0) from " + table)) {
				result.next();
				// a round number above the highest id, so that generated ids are easy to
				// tell
				base.put(table, (result.getLong(1) / 1_000_000 + 1) * 1_000_000);
			}
		}
		return base;
	}

	private void seedMasterData(Connection connection, Map<String, Long> base, long customers) throws SQLException {
		long begin = System.nanoTime();
		try (PreparedStatement store = connection
			.prepareStatement("insert into store (code, name) values (?, ?) on conflict do nothing");
				PreparedStatement warehouse = connection.prepareStatement(
						"insert into warehouse (code, name, store_code) values (?, ?, ?) on conflict do nothing")) {
			for (String[] s : STORES) {
				store.setString(1, s[0]);
				store.setString(2, s[1]);
				store.addBatch();
				warehouse.setString(1, "WH-" + s[0]);
				warehouse.setString(2, s[1].substring(0, s[1].indexOf('店')) + "仓 warehouse");
				warehouse.setString(3, s[0]);
				warehouse.addBatch();
			}
			store.executeBatch();
			warehouse.setString(1, CENTRAL_WAREHOUSE);
			warehouse.setString(2, "中央配送中心 Central distribution centre");
			warehouse.setString(3, null);
			warehouse.addBatch();
			warehouse.executeBatch();
		}
		try (PreparedStatement product = connection
			.prepareStatement("insert into product (id, sku, barcode, name, unit_price) values (?, ?, ?, ?, ?)")) {
			long id = base.get("product");
			for (int i = 0; i < PRODUCTS; i++) {
				String[] article = ARTICLES[i % ARTICLES.length];
				String[] variant = VARIANTS[(i / ARTICLES.length) % VARIANTS.length];
				String[] size = SIZES[(i / (ARTICLES.length * VARIANTS.length)) % SIZES.length];
				BigDecimal price = new BigDecimal(article[2]).multiply(new BigDecimal(size[2]))
					.setScale(0, RoundingMode.HALF_UP)
					.subtract(new BigDecimal("0.10"))
					.max(new BigDecimal("0.90"));
				product.setLong(1, id + i + 1);
				product.setString(2, SKU_PREFIX + "%05d".formatted(i + 1));
				product.setString(3, ean13("694" + "%09d".formatted(i + 1)));
				product.setString(4, "%s %s %s · %s%s%s".formatted(article[0], variant[0], size[0], variant[1], size[1],
						article[1]));
				product.setBigDecimal(5, price);
				product.addBatch();
			}
			product.executeBatch();
		}
		step(connection, "parties",
				"""
						insert into party (id, code, kind, name, email)
						select %1$d + i, 'CU' || lpad(i::text, 7, '0'), 'CUSTOMER',
						  case when i %% 20 < 12 then
						         (array['王','李','张','刘','陈','杨','黄','赵','吴','周','徐','孙','马','朱','胡','郭','何','林','高','罗'])[1 + (i * 7) %% 20]
						         || (array['伟','芳','娜','敏','静','磊','强','军','洋','勇','艳','杰','娟','涛','明','超','秀英','华','慧','平'])[1 + (i * 13 / 20) %% 20]
						         || ' ' || (array['Wang','Li','Zhang','Liu','Chen','Yang','Huang','Zhao','Wu','Zhou','Xu','Sun','Ma','Zhu','Hu',
						                         'Guo','He','Lin','Gao','Luo'])[1 + (i * 7) %% 20]
						         || ' ' || (array['Wei','Fang','Na','Min','Jing','Lei','Qiang','Jun','Yang','Yong','Yan','Jie','Juan','Tao','Ming',
						                         'Chao','Xiuying','Hua','Hui','Ping'])[1 + (i * 13 / 20) %% 20]
						       when i %% 20 < 17 then
						         (array['Hangzhou','Ningbo','Suzhou','Wuxi','Xiamen','Qingdao','Dalian','Hefei','Kunming','Changsha'])[1 + i %% 10]
						         || ' ' || (array['Trading','Electronics','Home Goods','Office Supplies','Sports','Fashion','Kitchenware','Toys'])[1 + (i / 10) %% 8]
						         || ' Co. ' || (array['杭州','宁波','苏州','无锡','厦门','青岛','大连','合肥','昆明','长沙'])[1 + i %% 10]
						         || (array['贸易','电子','家居','办公用品','体育','服饰','厨具','玩具'])[1 + (i / 10) %% 8] || '有限公司 ' || (i %% 997)
						       else
						         (array['Emily','James','Sophia','Daniel','Olivia','Lucas','Mia','Ethan','Chloe','Ryan'])[1 + i %% 10]
						         || ' ' || (array['Chen','Wong','Tan','Lim','Ng','Lee','Ho','Yip','Chan','Cheung'])[1 + (i / 10) %% 10]
						  end,
						  'cu' || i || '@example.com'
						from generate_series(1, %2$d) i;
						insert into party (id, code, kind, name, email)
						select %1$d + %2$d + i, 'SU' || lpad(i::text, 5, '0'), 'SUPPLIER',
						  (array['Ningbo','Shenzhen','Guangzhou','Foshan','Dongguan','Yiwu','Wenzhou','Quanzhou'])[1 + i %% 8]
						  || ' ' || (array['Homeware','Digital','Appliances','Textile','Outdoor','Packaging'])[1 + (i / 8) %% 6]
						  || ' Manufacturing ' || (array['宁波','深圳','广州','佛山','东莞','义乌','温州','泉州'])[1 + i %% 8]
						  || (array['家居','数码','电器','纺织','户外','包装'])[1 + (i / 8) %% 6] || '制造厂 No.' || i,
						  'sales@su' || i || '.example.com'
						from generate_series(1, %3$d) i"""
					.formatted(base.get("party"), customers, SUPPLIERS));
		this.out.printf("  master data: %.1f s%n", (System.nanoTime() - begin) / 1e9);
	}

	/** The orders, shipments, returns and their ledgers, one statement after another. */
	private String generateSql(Map<String, Long> base, long orders, long customers) {
		String zoneId = "'" + this.zone.getId().replace("'", "") + "'";
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("zone", zoneId);
		p.put("O", orders);
		p.put("D", DAYS);
		p.put("P", PRODUCTS);
		p.put("PSTEP", PRODUCTS / 5);
		p.put("C", customers);
		p.put("V", SUPPLIERS);
		p.put("S", STORES.size());
		p.put("bProduct", base.get("product"));
		p.put("bCustomer", base.get("party"));
		p.put("bSupplier", base.get("party") + customers);
		p.put("bOrder", base.get("trade_order"));
		p.put("bLine", base.get("trade_order_line"));
		p.put("bShip", base.get("shipment"));
		p.put("bSLine", base.get("shipment_line"));
		p.put("bReturn", base.get("return_order"));
		p.put("bRLine", base.get("return_line"));
		p.put("bEvent", base.get("return_event"));
		p.put("bMove", base.get("stock_movement"));
		p.put("bEntry", base.get("journal_entry"));
		p.put("stores", "array[" + String.join(",", STORES.stream().map((s) -> "'" + s[0] + "'").toList()) + "]");
		String sql = SQL;
		for (Map.Entry<String, Object> entry : p.entrySet()) {
			sql = sql.replace("${" + entry.getKey() + "}", String.valueOf(entry.getValue()));
		}
		return sql;
	}

	// ${…} are numbers and names put in by generateSql; u(x, salt) is a uniform number in
	// [0, 1) of its arguments, so that the data set is the same at every run
	private static final String SQL = """
			create function pg_temp.u(x bigint, salt int) returns double precision
			  language sql immutable as 'select (hashint8(x * 1009 + salt) & 2147483647) / 2147483648.0';

			-- the original orders, in order of their day (ids grow with time, as in the application)
			create temp table s_order as
			select o, ${bOrder} + o as id, d, o_type, store, status,
			       case when o_type = 'SALES' then 'WH-' || store
			            when pg_temp.u(o, 3) < 0.5 then 'WH-DC1' else 'WH-' || store end as warehouse,
			       case when o_type = 'SALES' then ${bCustomer} + 1 + floor(${C} * power(pg_temp.u(o, 4), 2))::bigint
			            else ${bSupplier} + 1 + floor(${V} * pg_temp.u(o, 4))::bigint end as party_id,
			       order_date,
			       case when status = 'FULFILLED' then least(
			         (order_date + floor(pg_temp.u(o, 5) * 2)::int + time '09:00'
			           + floor(pg_temp.u(o, 6) * 600)::int * interval '1 minute') at time zone ${zone},
			         now() - interval '5 minutes') end as fulfilled_at,
			       1 + floor(pg_temp.u(o, 7) * 5)::int as nlines,
			       floor(${P} * power(pg_temp.u(o, 8), 1.7))::int as product_base
			from (
			  select o, d, (now() at time zone ${zone})::date - ${D} + d as order_date,
			         case when pg_temp.u(o, 1) < 0.08 then 'PURCHASE' else 'SALES' end as o_type,
			         (${stores})[1 + floor(${S} * power(pg_temp.u(o, 2), 1.3))::int] as store,
			         case when d >= ${D} - 2 and pg_temp.u(o, 9) < 0.35 then 'OPEN' else 'FULFILLED' end as status
			  from (select o, ((o - 1) * ${D} / ${O})::int as d from generate_series(1::bigint, ${O}) o) g
			) g;

			insert into trade_order (id, number, type, status, party_id, store_code, warehouse_code, order_date,
			                         fulfilled_at, version)
			select id,
			       case when o_type = 'SALES' then 'SO-' else 'PO-' end || to_char(order_date, 'YYYYMMDD') || '-'
			         || lpad(n::text, greatest(4, length(n::text)), '0'),
			       o_type, status, party_id, store, warehouse, order_date, fulfilled_at,
			       case when status = 'FULFILLED' then 1 else 0 end
			from (select s.*, row_number() over (partition by d order by o) as n from s_order s) s;

			-- lines: line ln of order o has the id bLine + 5 (o - 1) + ln; products of an order differ
			-- every unit of a product costs half its price, bought and sold (at 13 % VAT)
			insert into trade_order_line (id, order_id, line_no, product_id, quantity, fulfilled_quantity, unit_price,
			                              unit_cost)
			select ${bLine} + 5 * (s.o - 1) + ln, s.id, ln, pr.id, qq.q,
			       case when s.status = 'FULFILLED' then qq.q else 0 end,
			       case when s.o_type = 'SALES' then pr.unit_price else round(pr.unit_price * 0.6, 2) end,
			       case when s.status = 'FULFILLED' then round(pr.unit_price * 0.5, 2) end
			from s_order s
			cross join lateral generate_series(1, s.nlines) ln
			cross join lateral (select case when s.o_type = 'SALES'
			                               then 2 + floor(power(pg_temp.u(5 * s.o + ln, 10), 2) * 19)::int
			                               else 20 + 10 * floor(pg_temp.u(5 * s.o + ln, 10) * 19)::int end as q) qq
			join product pr on pr.id = ${bProduct} + 1 + (s.product_base + ln * ${PSTEP}) % ${P};

			insert into shipment (id, order_id, kind, return_number, warehouse_code, shipped_at)
			select ${bShip} + o, id, 'ORIGINAL', null, warehouse, fulfilled_at
			from s_order where status = 'FULFILLED';

			insert into shipment_line (id, shipment_id, order_line_id, quantity, product_id)
			select ${bSLine} + 5 * (s.o - 1) + ln, ${bShip} + s.o, ${bLine} + 5 * (s.o - 1) + ln, l.quantity,
			       l.product_id
			from s_order s
			cross join lateral generate_series(1, s.nlines) ln
			join trade_order_line l on l.id = ${bLine} + 5 * (s.o - 1) + ln
			where s.status = 'FULFILLED';

			-- returns: on about 60 % of the fulfilled orders, days to weeks after the shipment
			create temp table s_return as
			select r.*,
			       ${bReturn} + row_number() over (order by requested_at, o) as id,
			       'RT-' || to_char(day, 'YYYYMMDD') || '-'
			         || lpad(n::text, greatest(4, length(n::text)), '0') as number
			from (
			  select r.*, (requested_at at time zone ${zone})::date as day,
			         row_number() over (partition by (requested_at at time zone ${zone})::date order by requested_at, o) as n,
			         case when status = 'CONFIRMED'
			              then least(requested_at + interval '1 day' + floor(pg_temp.u(o, 27) * 8 * 24)::int * interval '1 hour',
			                         now() - interval '1 minute') end as confirmed_at
			  from (
			    select s.o, s.id as order_id, s.o_type, s.warehouse, s.nlines, s.fulfilled_at, requested_at,
			           case when s.o_type = 'SALES' then 'CUSTOMER' else 'SUPPLIER' end as r_type,
			           case when now() - requested_at > interval '14 days' then
			                  case when h < 0.90 then 'CONFIRMED' when h < 0.95 then 'WITHDRAWN' when h < 0.97 then 'REJECTED'
			                       when h < 0.98 then 'PROCESSED' when h < 0.99 then 'APPROVED' else 'SUBMITTED' end
			                else
			                  case when h < 0.40 then 'CONFIRMED' when h < 0.50 then 'PROCESSED' when h < 0.65 then 'APPROVED'
			                       when h < 0.85 then 'SUBMITTED' when h < 0.92 then 'REJECTED' else 'WITHDRAWN' end
			           end as status,
			           least(s.nlines, 1 + floor(pg_temp.u(s.o, 21) * 2.2)::int) as k,
			           floor(pg_temp.u(s.o, 22) * s.nlines)::int as first_line,
			           pg_temp.u(s.o, 23) as reason_pick, pg_temp.u(s.o, 24) as detail_pick
			    from s_order s
			    cross join lateral (select s.fulfilled_at + (1 + floor(power(pg_temp.u(s.o, 25), 1.5) * 25)::int) * interval '1 day'
			                                + floor(pg_temp.u(s.o, 26) * 600)::int * interval '1 minute' as requested_at,
			                               pg_temp.u(s.o, 28) as h) t
			    where s.status = 'FULFILLED' and pg_temp.u(s.o, 20) < 0.6 and requested_at < now() - interval '5 minutes'
			  ) r
			) r;

			-- after the days' returns that the application numbered already (the benchmark's
			-- own lifecycles of today, or an earlier data set), so that no number repeats
			create temp table s_used as
			select substring(number from 4 for 8) as day_text, max(substring(number from 13)::bigint) as used
			from return_order where number like 'RT-________-%' group by 1;
			update s_return s
			set n = s.n + u.used,
			    number = 'RT-' || u.day_text || '-' || lpad((s.n + u.used)::text, greatest(4, length((s.n + u.used)::text)), '0')
			from s_used u where u.day_text = to_char(s.day, 'YYYYMMDD');

			create temp table s_return_line as
			select r.id as return_id, r.o, r.status, r.r_type, j + 1 as line_no, l.id as order_line_id, l.line_no as order_line_no,
			       l.product_id, l.unit_price,
			       greatest(1, least(l.quantity, round(l.quantity * pg_temp.u(r.o * 3 + j, 30) * 0.66
			                                           * (0.35 + 1.3 * pg_temp.u(l.product_id, 31)))::int)) as quantity,
			       case when r.r_type = 'CUSTOMER' and r.status in ('PROCESSED', 'CONFIRMED') and pg_temp.u(r.o * 3 + j, 32) < 0.1
			            then 'SCRAP' else 'RESTOCK' end as line_condition
			from s_return r
			cross join lateral generate_series(0, r.k - 1) j
			join trade_order_line l on l.id = ${bLine} + 5 * (r.o - 1) + 1 + (r.first_line + j) % r.nlines;

			insert into return_order (id, number, type, status, order_id, requested_by, requested_at, reason, reason_detail,
			                          resolution, warehouse_code, refund_method, refund_amount, rejection_reason,
			                          confirmation_note, confirmed_at, total_amount, returned_on, version)
			select r.id, r.number, r.r_type, r.status, r.order_id, 'clerk' || (1 + r.o % 20), r.requested_at, x.reason,
			       case when x.reason = 'OTHER' or r.detail_pick < 0.8 then
			         (array['外包装破损，商品有划痕 Box crushed, item scratched', '屏幕有坏点 dead pixels on the screen',
			                'Does not switch on 无法开机', '颜色与图片不符 colour differs from the photo',
			                '尺码不合适，需要换大一号 wrong size', 'Arrived late, no longer needed 到货太晚',
			                '客户重复下单 ordered twice by mistake', 'Missing parts 缺少配件', '有异味 smells of chemicals',
			                'Stopped working after two weeks 用了两周就坏了', '发错型号 wrong model sent',
			                'Customer changed their mind 客户改变主意', '充电很慢 charges very slowly', 'Leaks water 漏水',
			                '电池鼓包 swollen battery', 'Seal broken on delivery 封条已破'])[1 + floor(r.detail_pick * 16 / 0.8)::int % 16]
			         || ' #' || (r.o % 100000)
			       end,
			       case when r.r_type = 'CUSTOMER' and x.reason in ('DAMAGED', 'DEFECTIVE', 'WRONG_ITEM')
			                 and pg_temp.u(r.o, 33) < 0.25 then 'EXCHANGE' else 'REFUND' end,
			       case when r.status in ('PROCESSED', 'CONFIRMED') then r.warehouse end,
			       case when r.status not in ('PROCESSED', 'CONFIRMED') then null when r.r_type = 'SUPPLIER' then 'BANK_TRANSFER'
			            else (array['ORIGINAL_PAYMENT', 'ORIGINAL_PAYMENT', 'ORIGINAL_PAYMENT', 'BANK_TRANSFER', 'CASH',
			                        'STORE_CREDIT'])[1 + floor(pg_temp.u(r.o, 34) * 6)::int] end,
			       case when r.status in ('PROCESSED', 'CONFIRMED') then
			         case when pg_temp.u(r.o, 35) < 0.85 then t.total
			              else greatest(0.01, round(t.total * (0.5 + 0.45 * pg_temp.u(r.o, 36))::numeric, 2)) end end,
			       case when r.status in ('REJECTED', 'WITHDRAWN') then
			         (array['超过退货期限 Outside the return window', 'No proof of purchase 无购买凭证',
			                'Damage caused by the customer 人为损坏', '商品已使用 Item has been used'])[1 + r.o % 4] end,
			       null, r.confirmed_at, t.total,
			       case when r.status in ('PROCESSED', 'CONFIRMED') then cast(r.requested_at + interval '1 day' as date) end,
			       case r.status when 'SUBMITTED' then 0 when 'APPROVED' then 1 when 'REJECTED' then 1 when 'WITHDRAWN' then 2
			                     when 'PROCESSED' then 2 else 3 end
			from s_return r
			cross join lateral (select case when r.r_type = 'SUPPLIER' then
			                                  case when r.reason_pick < 0.6 then 'DEFECTIVE' when r.reason_pick < 0.85 then 'DAMAGED'
			                                       else 'WRONG_ITEM' end
			                                when r.reason_pick < 0.2 then 'DAMAGED' when r.reason_pick < 0.5 then 'DEFECTIVE'
			                                when r.reason_pick < 0.6 then 'WRONG_ITEM' when r.reason_pick < 0.75 then 'NOT_AS_DESCRIBED'
			                                when r.reason_pick < 0.95 then 'NO_LONGER_NEEDED' else 'OTHER' end as reason) x
			join (select return_id, sum(quantity * unit_price) as total from s_return_line group by return_id) t
			  on t.return_id = r.id;

			-- processed returns received every unit asked; a scrapped line wrote them all off
			insert into return_line (id, return_id, line_no, order_line_id, quantity, unit_price, received_quantity,
			                         scrapped_quantity)
			select ${bRLine} + row_number() over (order by return_id, line_no), return_id, line_no, order_line_id, quantity,
			       unit_price, case when status in ('PROCESSED', 'CONFIRMED') then quantity end,
			       case when line_condition = 'SCRAP' then quantity else 0 end
			from s_return_line;

			-- each status the return went through, as the aggregate records it
			insert into return_event (id, return_id, status, actor, at, note)
			select ${bEvent} + row_number() over (order by r.id, e.step), r.id, e.status, e.actor, e.at, e.note
			from return_order r
			cross join lateral (values
			    (1, 'SUBMITTED', r.requested_by, r.requested_at, null::varchar),
			    (2, case when r.status in ('REJECTED', 'WITHDRAWN') then 'REJECTED' else 'APPROVED' end,
			        'approver' || (1 + r.id % 5), least(r.requested_at + interval '3 hours', now()),
			        case when r.status in ('REJECTED', 'WITHDRAWN') then r.rejection_reason end),
			    (3, case when r.status = 'WITHDRAWN' then 'WITHDRAWN' else 'PROCESSED' end,
			        case when r.status = 'WITHDRAWN' then r.requested_by else 'warehouse' || (1 + r.id % 4) end,
			        least(r.requested_at + interval '1 day', now()), null),
			    (4, 'CONFIRMED', 'finance' || (1 + r.id % 3), r.confirmed_at, null)) e(step, status, actor, at, note)
			where r.id > ${bReturn}
			  and e.step <= case r.status when 'SUBMITTED' then 1 when 'APPROVED' then 2 when 'REJECTED' then 2
			                              when 'WITHDRAWN' then 3 when 'PROCESSED' then 3 else 4 end;

			-- replacement shipments of confirmed exchanges: the same goods again, on the same order
			create temp table s_replacement as
			select r.id as return_id, r.number, r.order_id, r.warehouse_code, r.confirmed_at, o.type as o_type,
			       ${bShip} + ${O} + row_number() over (order by r.id) as shipment_id
			from return_order r join trade_order o on o.id = r.order_id
			where r.id > ${bReturn} and r.status = 'CONFIRMED' and r.resolution = 'EXCHANGE';

			insert into shipment (id, order_id, kind, return_number, warehouse_code, shipped_at)
			select shipment_id, order_id, 'REPLACEMENT', number, warehouse_code, confirmed_at from s_replacement;

			-- the replacement: the same article as the order line (the data set's exchanges)
			insert into shipment_line (id, shipment_id, order_line_id, quantity, product_id)
			select ${bSLine} + 5 * ${O} + row_number() over (order by x.shipment_id, l.line_no), x.shipment_id,
			       l.order_line_id, l.quantity, ol.product_id
			from s_replacement x join s_return_line l on l.return_id = x.return_id
			join trade_order_line ol on ol.id = l.order_line_id;

			update trade_order_line ol set fulfilled_quantity = ol.fulfilled_quantity + l.quantity
			from s_replacement x join s_return_line l on l.return_id = x.return_id
			where ol.id = l.order_line_id;

			-- stock: every shipment and every confirmed return line moves it once
			insert into stock_movement (id, product_id, warehouse_code, quantity, kind, reference, reference_line, at,
			                            unit_cost, moved_value)
			select ${bMove} + row_number() over (order by s.shipped_at, sl.id), ol.product_id, s.warehouse_code,
			       case when o.type = 'SALES' then -sl.quantity else sl.quantity end,
			       case when s.kind = 'REPLACEMENT' and o.type = 'SALES' then 'REPLACEMENT_SHIPMENT'
			            when s.kind = 'REPLACEMENT' then 'REPLACEMENT_RECEIPT'
			            when o.type = 'SALES' then 'SALES_SHIPMENT' else 'PURCHASE_RECEIPT' end,
			       coalesce(s.return_number, o.number), ol.line_no, s.shipped_at, ol.unit_cost,
			       ol.unit_cost * case when o.type = 'SALES' then -sl.quantity else sl.quantity end
			from shipment s
			join trade_order o on o.id = s.order_id
			join shipment_line sl on sl.shipment_id = s.id
			join trade_order_line ol on ol.id = sl.order_line_id
			where s.id > ${bShip};

			insert into stock_movement (id, product_id, warehouse_code, quantity, kind, reference, reference_line, at,
			                            unit_cost, moved_value)
			select ${bMove} + 10 * ${O} + row_number() over (order by r.confirmed_at, l.return_id, l.line_no, m.kind),
			       l.product_id, r.warehouse_code, m.quantity, m.kind, r.number, l.line_no, r.confirmed_at, ol.unit_cost,
			       ol.unit_cost * m.quantity
			from s_return_line l
			join return_order r on r.id = l.return_id
			join trade_order_line ol on ol.id = l.order_line_id
			cross join lateral (values
			    (case when r.type = 'CUSTOMER' then 'CUSTOMER_RETURN' else 'SUPPLIER_RETURN' end,
			     case when r.type = 'CUSTOMER' then l.quantity else -l.quantity end),
			    (case when l.line_condition = 'SCRAP' then 'SCRAP' end, -l.quantity)) m(kind, quantity)
			where r.status = 'CONFIRMED' and m.kind is not null;

			-- opening stock two years back, enough that no level ends below zero
			insert into stock_movement (id, product_id, warehouse_code, quantity, kind, reference, reference_line, at,
			                            unit_cost, moved_value)
			select ${bMove} + 15 * ${O} + row_number() over (order by product_id, warehouse_code), product_id, warehouse_code,
			       greatest(0, -sum(quantity)) + 20, 'OPENING', 'OPENING-' || warehouse_code, 0,
			       ((now() at time zone ${zone})::date - ${D} - 1 + time '08:00') at time zone ${zone},
			       max(abs(unit_cost)), max(abs(unit_cost)) * (greatest(0, -sum(quantity)) + 20)
			from stock_movement where id > ${bMove}
			group by product_id, warehouse_code;

			insert into stock_valuation (product_id, quantity, total_value, version)
			select product_id, sum(quantity), sum(moved_value), 0 from stock_movement
			where id > ${bMove}
			group by product_id
			on conflict (product_id)
			do update set quantity = stock_valuation.quantity + excluded.quantity,
			              total_value = stock_valuation.total_value + excluded.total_value,
			              version = stock_valuation.version + 1;

			insert into stock_level (product_id, warehouse_code, on_hand, version)
			select product_id, warehouse_code, sum(quantity), count(*) from stock_movement
			where id > ${bMove}
			group by product_id, warehouse_code
			on conflict (product_id, warehouse_code)
			do update set on_hand = stock_level.on_hand + excluded.on_hand, version = stock_level.version + 1;

			-- money: one balanced entry per confirmed return, numbered per day after the
			-- application's, VAT at 13 %, the goods at the cost their movements moved
			insert into journal_entry (id, number, entry_date, reference, event_key, memo, store_code, posted_at)
			select ${bEntry} + row_number() over (order by r.confirmed_at, r.id),
			       'JE-' || to_char(x.day, 'YYYYMMDD') || '-'
			         || lpad((coalesce(c.last_value, 0) + row_number() over (partition by x.day order by r.confirmed_at, r.id))::text,
			                 4, '0'),
			       x.day, r.number, r.number || ':RETURN', 'Return ' || r.number || ' (benchmark data)', o.store_code,
			       r.confirmed_at
			from return_order r
			join trade_order o on o.id = r.order_id
			cross join lateral (select (r.confirmed_at at time zone ${zone})::date as day) x
			left join document_number_counter c on c.kind = 'JE' and c.counter_day = x.day
			where r.id > ${bReturn} and r.status = 'CONFIRMED';

			insert into journal_line (entry_id, line_no, account, debit, credit)
			select e.id, row_number() over (partition by e.id order by l.k), l.account, l.debit, l.credit
			from journal_entry e
			join return_order r on r.number = e.reference
			cross join lateral (select round(r.refund_amount / 1.13, 2) as net) v
			cross join lateral (
			    select coalesce(sum(case when m.kind in ('CUSTOMER_RETURN', 'SUPPLIER_RETURN') then m.moved_value end), 0)
			             as moved,
			           coalesce(-sum(case when m.kind = 'SCRAP' then m.moved_value end), 0) as scrapped
			    from stock_movement m where m.reference = r.number) g
			cross join lateral (values
			    (1, case when r.type = 'CUSTOMER' then '6001' else '1221' end,
			        case when r.type = 'CUSTOMER' then v.net else r.refund_amount end, 0::numeric),
			    (2, case when r.type = 'CUSTOMER' then '2221.01' end, r.refund_amount - v.net, 0),
			    (3, case when r.type = 'CUSTOMER' then
			              case r.refund_method when 'ORIGINAL_PAYMENT' then '1122' when 'BANK_TRANSFER' then '1002'
			                                   when 'CASH' then '1001' else '2203' end
			            else '2221.03' end,
			        0, case when r.type = 'CUSTOMER' then r.refund_amount else r.refund_amount - v.net end),
			    (4, '1405', case when r.type = 'CUSTOMER' then g.moved - g.scrapped else 0 end,
			        case when r.type = 'SUPPLIER' then -g.moved else 0 end),
			    (5, case when r.type = 'CUSTOMER' then '6711' end, g.scrapped, 0),
			    (6, case when r.type = 'CUSTOMER' then '6401' end, 0, g.moved),
			    (7, case when r.type = 'SUPPLIER' then '6711' end,
			        greatest(0, -g.moved + (r.refund_amount - v.net) - r.refund_amount),
			        greatest(0, r.refund_amount + g.moved - (r.refund_amount - v.net)))) l(k, account, debit, credit)
			where e.id > ${bEntry} and l.account is not null and (l.debit <> 0 or l.credit <> 0);

			insert into document_number_counter (kind, counter_day, last_value)
			select 'JE', entry_date, max(cast(substring(number from 13) as integer))
			from journal_entry where id > ${bEntry} group by entry_date
			on conflict (kind, counter_day) do update set last_value = excluded.last_value;

			-- the days' bases, so that the application numbers new returns after these: the
			-- next value drawn from the sequence makes max(n) + 1
			insert into return_number_day (counter_day, base_value)
			select day, (select case when is_called then last_value else 0 end from return_number_seq) + 1 - max(n)
			from s_return group by day
			on conflict (counter_day) do update
			set base_value = least(return_number_day.base_value, excluded.base_value);

			drop table s_order, s_return, s_used, s_return_line, s_replacement
			""";

	private void step(Connection connection, String name, String sql) throws SQLException {
		for (String statement : sql.split(";\\s*\\n")) {
			if (statement.isBlank()) {
				continue;
			}
			long begin = System.nanoTime();
			int rows;
			try (Statement s = connection.createStatement()) {
				rows = s.executeUpdate(statement);
			}
			String first = statement.lines()
				.map(String::strip)
				.filter((line) -> !line.isEmpty() && !line.startsWith("--"))
				.findFirst()
				.orElse(name);
			this.out.printf("  %-70.70s %,10d rows %6.1f s%n", first, rows, (System.nanoTime() - begin) / 1e9);
		}
	}

	private static Map<String, Long> counts(Connection connection) throws SQLException {
		Map<String, Long> rows = new LinkedHashMap<>();
		for (String table : List.of("store", "warehouse", "product", "party", "trade_order", "trade_order_line",
				"shipment", "shipment_line", "return_order", "return_line", "return_event", "stock_movement",
				"stock_level", "stock_valuation", "journal_entry", "journal_line", "return_number_day")) {
			try (Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("select count(*) from " + table)) {
				result.next();
				rows.put(table, result.getLong(1));
			}
		}
		return rows;
	}

	private void printRates(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(
						"""
								select o.type, sum(sl.quantity) as shipped,
								       (select sum(rl.quantity) from return_line rl join return_order r on r.id = rl.return_id
								        join trade_order ro on ro.id = r.order_id where r.status = 'CONFIRMED' and ro.type = o.type) as returned
								from shipment s join trade_order o on o.id = s.order_id join shipment_line sl on sl.shipment_id = s.id
								where s.kind = 'ORIGINAL' group by o.type""")) {
			while (result.next()) {
				long shipped = result.getLong("shipped");
				long returned = result.getLong("returned");
				this.out.printf("  %-8s units shipped %,d, returned (confirmed) %,d: %.1f %%%n",
						result.getString("type"), shipped, returned, 100.0 * returned / Math.max(1, shipped));
			}
		}
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
