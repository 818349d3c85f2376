package io.returnsdesk.returns;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * V15 (goods received) on a database of the previous schema with returns in it, on each
 * database the application runs on: a fresh database is migrated to V14, given returns in
 * every state that matters with plain SQL, and migrated to the latest version.
 */
class GoodsReceivedMigrationIntegrationTest {

	/**
	 * The rows a return needs and four returns as the desk wrote them before V15. Times
	 * are UTC; the comments give the merchant's (Shanghai) time where the day differs.
	 */
	static final String V14_RETURNS = """
			insert into store (code, name) values ('SH01', '上海静安店');
			insert into warehouse (code, name, store_code) values ('WH-SH', '上海仓', 'SH01');
			insert into party (id, code, kind, name, email)
			    values (1, 'C-1001', 'CUSTOMER', '王伟', 'wang.wei@example.com');
			insert into product (id, sku, barcode, name, unit_price) values
			    (1, 'KB-87', '6901234567892', 'Mechanical keyboard 机械键盘', 399.00),
			    (2, 'MS-01', '6901234567908', 'Wireless mouse 无线鼠标', 129.00);
			insert into trade_order (id, number, type, status, party_id, store_code, warehouse_code,
			        order_date, fulfilled_at, version)
			    values (1, 'SO-20260220-0007', 'SALES', 'FULFILLED', 1, 'SH01', 'WH-SH',
			        '2026-02-20', '2026-02-21 02:00:00+00', 1);
			insert into trade_order_line (id, order_id, line_no, product_id, quantity, fulfilled_quantity,
			        unit_price) values
			    (1, 1, 1, 1, 10, 10, 399.00),
			    (2, 1, 2, 2, 10, 10, 129.00);
			insert into shipment (id, order_id, kind, warehouse_code, shipped_at)
			    values (1, 1, 'ORIGINAL', 'WH-SH', '2026-02-21 02:00:00+00');
			insert into shipment_line (id, shipment_id, order_line_id, quantity) values (1, 1, 1, 10), (2, 1, 2, 10);

			-- submitted, never processed: no refund method, no condition but the default
			insert into return_order (id, number, type, status, order_id, requested_by, requested_at, reason,
			        reason_detail, resolution, total_amount, version)
			    values (1, 'RT-20260301-0001', 'CUSTOMER', 'SUBMITTED', 1, 'clerk', '2026-03-01 02:00:00+00',
			        'NO_LONGER_NEEDED', null, 'REFUND', 399.00, 0);
			insert into return_line (id, return_id, line_no, order_line_id, quantity, unit_price)
			    values (1, 1, 1, 1, 1, 399.00);
			insert into return_event (return_id, status, actor, at, note)
			    values (1, 'SUBMITTED', 'clerk', '2026-03-01 02:00:00+00', null);

			-- confirmed after two processings: finance sent the first back
			insert into return_order (id, number, type, status, order_id, requested_by, requested_at, reason,
			        reason_detail, resolution, warehouse_code, refund_method, refund_amount, confirmed_at,
			        total_amount, version)
			    values (2, 'RT-20260301-0002', 'CUSTOMER', 'CONFIRMED', 1, 'clerk', '2026-03-01 03:00:00+00',
			        'DEFECTIVE', '按键失灵', 'REFUND', 'WH-SH', 'BANK_TRANSFER', 399.00, '2026-03-04 02:00:00+00',
			        399.00, 5);
			insert into return_line (id, return_id, line_no, order_line_id, quantity, unit_price, line_condition)
			    values (2, 2, 1, 1, 1, 399.00, 'RESTOCK');
			insert into return_event (return_id, status, actor, at, note) values
			    (2, 'SUBMITTED', 'clerk', '2026-03-01 03:00:00+00', null),
			    (2, 'APPROVED', 'manager', '2026-03-01 05:00:00+00', null),
			    -- 2026-03-02 11:00 in Shanghai
			    (2, 'PROCESSED', 'warehouse', '2026-03-02 03:00:00+00', null),
			    (2, 'APPROVED', 'finance', '2026-03-02 06:00:00+00', 'Refund by bank transfer'),
			    -- 2026-03-04 00:10 in Shanghai
			    (2, 'PROCESSED', 'warehouse', '2026-03-03 16:10:00+00', null),
			    (2, 'CONFIRMED', 'finance', '2026-03-04 02:00:00+00', null);

			-- processed, awaiting finance: the mice were scrapped, the keyboards restocked
			insert into return_order (id, number, type, status, order_id, requested_by, requested_at, reason,
			        reason_detail, resolution, warehouse_code, refund_method, refund_amount, total_amount, version)
			    values (3, 'RT-20260302-0001', 'CUSTOMER', 'PROCESSED', 1, 'clerk', '2026-03-02 01:00:00+00',
			        'DAMAGED', '外包装破损', 'REFUND', 'WH-SH', 'ORIGINAL_PAYMENT', 1185.00, 1185.00, 2);
			insert into return_line (id, return_id, line_no, order_line_id, quantity, unit_price, line_condition)
			    values (3, 3, 1, 1, 2, 399.00, 'RESTOCK'),
			           (4, 3, 2, 2, 3, 129.00, 'SCRAP');
			insert into return_event (return_id, status, actor, at, note) values
			    (3, 'SUBMITTED', 'clerk', '2026-03-02 01:00:00+00', null),
			    (3, 'APPROVED', 'manager', '2026-03-02 03:00:00+00', null),
			    -- 2026-03-05 01:30 in Shanghai
			    (3, 'PROCESSED', 'warehouse', '2026-03-04 17:30:00+00', null);

			-- processed, then sent back by finance: approved again, its refund method still set
			insert into return_order (id, number, type, status, order_id, requested_by, requested_at, reason,
			        reason_detail, resolution, warehouse_code, refund_method, refund_amount, confirmation_note,
			        total_amount, version)
			    values (4, 'RT-20260303-0001', 'CUSTOMER', 'APPROVED', 1, 'clerk', '2026-03-03 02:00:00+00',
			        'DAMAGED', null, 'REFUND', 'WH-SH', 'CASH', 129.00, 'Refund as store credit',
			        129.00, 3);
			insert into return_line (id, return_id, line_no, order_line_id, quantity, unit_price, line_condition)
			    values (5, 4, 1, 2, 1, 129.00, 'SCRAP');
			insert into return_event (return_id, status, actor, at, note) values
			    (4, 'SUBMITTED', 'clerk', '2026-03-03 02:00:00+00', null),
			    (4, 'APPROVED', 'manager', '2026-03-03 04:00:00+00', null),
			    -- 2026-03-06 00:45 in Shanghai
			    (4, 'PROCESSED', 'warehouse', '2026-03-05 16:45:00+00', null),
			    (4, 'APPROVED', 'finance', '2026-03-06 01:00:00+00', 'Refund as store credit');
			""";

	private static final AtomicInteger databases = new AtomicInteger();

	private HikariDataSource dataSource;

	private Runnable drop = () -> {
	};

	@AfterEach
	void closeDatabase() {
		if (this.dataSource != null) {
			this.dataSource.close();
		}
		this.drop.run();
	}

	@ParameterizedTest
	@EnumSource
	void receivesEveryUnitOfAReturnProcessedBeforeAndScrapsAllUnitsOfItsScrapLines(FreshDatabase database) {
		JdbcTemplate jdbc = migratedWithReturnsOfV14(database);

		assertThat(lines(jdbc)).filteredOn((line) -> !line.number().equals("RT-20260301-0001"))
			.containsExactly(new Line("RT-20260301-0002", 1, 1, 1, 0), new Line("RT-20260302-0001", 1, 2, 2, 0),
					new Line("RT-20260302-0001", 2, 3, 3, 3), new Line("RT-20260303-0001", 1, 1, 1, 1));
	}

	@ParameterizedTest
	@EnumSource
	void datesAReturnProcessedBeforeByTheMerchantsDayOfItsLatestProcessing(FreshDatabase database) {
		JdbcTemplate jdbc = migratedWithReturnsOfV14(database);

		// UTC days: 03-03 (the confirmed return's latest processing), 03-04 and 03-05
		assertThat(returnedOn(jdbc)).filteredOn((returned) -> !returned.number().equals("RT-20260301-0001"))
			.containsExactly(new ReturnedOn("RT-20260301-0002", LocalDate.of(2026, 3, 4)),
					new ReturnedOn("RT-20260302-0001", LocalDate.of(2026, 3, 5)),
					new ReturnedOn("RT-20260303-0001", LocalDate.of(2026, 3, 6)));
	}

	@ParameterizedTest
	@EnumSource
	void leavesAReturnNeverProcessedWithNothingReceivedAndNoDay(FreshDatabase database) {
		JdbcTemplate jdbc = migratedWithReturnsOfV14(database);

		assertThat(lines(jdbc)).filteredOn((line) -> line.number().equals("RT-20260301-0001"))
			.containsExactly(new Line("RT-20260301-0001", 1, 1, null, 0));
		assertThat(returnedOn(jdbc)).filteredOn((returned) -> returned.number().equals("RT-20260301-0001"))
			.containsExactly(new ReturnedOn("RT-20260301-0001", null));
	}

	@ParameterizedTest
	@EnumSource
	void replacesTheLineConditionByUnitsReceivedAndScrapped(FreshDatabase database) {
		JdbcTemplate jdbc = migratedWithReturnsOfV14(database);

		// PostgreSQL names in lower case, H2 in upper case
		List<String> columns = jdbc.queryForList("""
				select lower(column_name) from information_schema.columns
				where lower(table_schema) = 'public' and lower(table_name) = 'return_line'
				order by ordinal_position""", String.class);
		// (an exchange's replacement came later, in V25)
		assertThat(columns).containsExactly("id", "return_id", "line_no", "order_line_id", "quantity", "unit_price",
				"received_quantity", "scrapped_quantity", "exchange_product_id", "exchange_unit_price");
	}

	@ParameterizedTest
	@EnumSource
	void refusesMoreUnitsReceivedThanReturned(FreshDatabase database) {
		JdbcTemplate jdbc = migratedWithReturnsOfV14(database);
		List<Line> before = lines(jdbc);

		// 3 mice returned
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> jdbc.update("update return_line set received_quantity = 4 where id = 4"))
			.satisfies((ex) -> assertThat(ex.getMessage()).containsIgnoringCase("ck_return_line_received"));
		// nor fewer than none
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> jdbc.update("update return_line set received_quantity = -1 where id = 3"))
			.satisfies((ex) -> assertThat(ex.getMessage()).containsIgnoringCase("ck_return_line_received"));
		assertThat(lines(jdbc)).isEqualTo(before);
	}

	@ParameterizedTest
	@EnumSource
	void refusesMoreUnitsScrappedThanReceived(FreshDatabase database) {
		JdbcTemplate jdbc = migratedWithReturnsOfV14(database);
		List<Line> before = lines(jdbc);

		// 2 keyboards received
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> jdbc.update("update return_line set scrapped_quantity = 3 where id = 3"))
			.satisfies((ex) -> assertThat(ex.getMessage()).containsIgnoringCase("ck_return_line_scrapped"));
		// nothing received yet
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> jdbc.update("update return_line set scrapped_quantity = 1 where id = 1"))
			.satisfies((ex) -> assertThat(ex.getMessage()).containsIgnoringCase("ck_return_line_scrapped"));
		assertThat(lines(jdbc)).isEqualTo(before);
	}

	@ParameterizedTest
	@EnumSource
	void acceptsFewerUnitsReceivedThanReturnedAndSomeOfThemScrapped(FreshDatabase database) {
		JdbcTemplate jdbc = migratedWithReturnsOfV14(database);

		jdbc.update("update return_line set received_quantity = 2, scrapped_quantity = 1 where id = 4");

		assertThat(lines(jdbc)).contains(new Line("RT-20260302-0001", 2, 3, 2, 1));
	}

	/**
	 * The scenario of every test: a fresh database migrated to V14, the returns of
	 * {@link #V14_RETURNS} inserted, then migrated to the latest version.
	 */
	private JdbcTemplate migratedWithReturnsOfV14(FreshDatabase database) {
		String name = "goods_received_" + databases.incrementAndGet();
		this.dataSource = database.open(name);
		this.drop = () -> database.drop(name);

		database.migrateTo(this.dataSource, "14", V14_RETURNS);
		database.migrateToLatest(this.dataSource);
		return new JdbcTemplate(this.dataSource);
	}

	private static List<Line> lines(JdbcTemplate jdbc) {
		return jdbc.query("""
				select o.number, l.line_no, l.quantity, l.received_quantity, l.scrapped_quantity
				from return_line l join return_order o on o.id = l.return_id
				order by o.number, l.line_no""", (row, i) -> new Line(row.getString(1), row.getInt(2), row.getInt(3),
				row.getObject(4, Integer.class), row.getInt(5)));
	}

	private static List<ReturnedOn> returnedOn(JdbcTemplate jdbc) {
		return jdbc.query("select number, returned_on from return_order order by number",
				(row, i) -> new ReturnedOn(row.getString(1), row.getObject(2, LocalDate.class)));
	}

	record Line(String number, int lineNo, int quantity, Integer received, int scrapped) {
	}

	record ReturnedOn(String number, LocalDate day) {
	}

}
