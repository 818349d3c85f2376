package io.returnsdesk.returns;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * V17 (the books carried over) on a database of V16 with the orders, movements, returns
 * and postings that the application of V15 wrote, on each database the application runs
 * on: a fresh database is migrated to V16, given that data with plain SQL, and migrated
 * to the latest version. Every figure expected is worked out by hand in the comments.
 */
class BooksCarriedOverMigrationIntegrationTest {

	/**
	 * A shop's data before the books, as the desk of V15 wrote it. Times are UTC; the
	 * comments give the merchant's (Shanghai, UTC+8) time where the day differs. Prices
	 * include VAT; the book is at 9 %, the rest at 13 %.
	 */
	static final String V16_DATA = """
			insert into store (code, name) values ('SH01', '上海静安店');
			insert into warehouse (code, name, store_code) values ('WH-SH', '上海仓', 'SH01');
			insert into party (id, code, kind, name, email) values
			    (1, 'C-1001', 'CUSTOMER', '王伟', 'wang.wei@example.com'),
			    (2, 'V-01', 'SUPPLIER', '深圳键客科技有限公司', 'sales@jianke.example.com');
			insert into product (id, sku, barcode, name, unit_price, vat_rate) values
			    (1, 'KB-87', '6901234567892', 'Mechanical keyboard 机械键盘', 399.00, 0.13),
			    (2, 'MS-01', '6901234567908', 'Wireless mouse 无线鼠标', 129.00, 0.13),
			    (3, 'GB-01', '9787111000014', 'Keyboard handbook 机械键盘手册', 129.00, 0.09),
			    (4, 'HD-01', '6901234567915', 'USB-C hub 扩展坞', 99.00, 0.13);

			-- opening stock, 2026-02-02 00:00 in Shanghai: the keyboards and the book (never
			-- purchased)
			insert into stock_movement (id, product_id, warehouse_code, quantity, kind, reference, reference_line, at)
			    values (1, 1, 'WH-SH', 5, 'OPENING', 'OPENING-WH-SH', 0, '2026-02-01 16:00:00+00'),
			           (2, 3, 'WH-SH', 50, 'OPENING', 'OPENING-WH-SH', 0, '2026-02-01 16:00:00+00');

			-- two purchase orders received; the order lines' VAT rate is V16's default, 13 %
			insert into trade_order (id, number, type, status, party_id, store_code, warehouse_code, order_date,
			        fulfilled_at, version) values
			    (1, 'PO-20260210-0001', 'PURCHASE', 'FULFILLED', 2, 'SH01', 'WH-SH', '2026-02-10',
			        '2026-02-12 02:00:00+00', 2),
			    (2, 'PO-20260215-0002', 'PURCHASE', 'FULFILLED', 2, 'SH01', 'WH-SH', '2026-02-15',
			        '2026-02-16 03:00:00+00', 1);
			-- line 2 received 30 and, for the supplier's exchange, 1 more
			insert into trade_order_line (id, order_id, line_no, product_id, quantity, fulfilled_quantity, unit_price)
			    values (1, 1, 1, 1, 20, 20, 226.00),
			           (2, 1, 2, 2, 30, 31, 73.50),
			           (3, 1, 3, 4, 2, 2, 56.50),
			           (4, 2, 1, 2, 20, 20, 79.10),
			           (5, 2, 2, 4, 1, 1, 57.63);
			insert into shipment (id, order_id, kind, warehouse_code, shipped_at) values
			    (1, 1, 'ORIGINAL', 'WH-SH', '2026-02-12 02:00:00+00'),
			    (2, 2, 'ORIGINAL', 'WH-SH', '2026-02-16 03:00:00+00');
			insert into shipment_line (id, shipment_id, order_line_id, quantity) values
			    (1, 1, 1, 20), (2, 1, 2, 30), (3, 1, 3, 2), (4, 2, 4, 20), (5, 2, 5, 1);
			insert into stock_movement (id, product_id, warehouse_code, quantity, kind, reference, reference_line, at)
			    values (3, 1, 'WH-SH', 20, 'PURCHASE_RECEIPT', 'PO-20260210-0001', 1, '2026-02-12 02:00:00+00'),
			           (4, 2, 'WH-SH', 30, 'PURCHASE_RECEIPT', 'PO-20260210-0001', 2, '2026-02-12 02:00:00+00'),
			           (5, 4, 'WH-SH', 2, 'PURCHASE_RECEIPT', 'PO-20260210-0001', 3, '2026-02-12 02:00:00+00'),
			           (6, 2, 'WH-SH', 20, 'PURCHASE_RECEIPT', 'PO-20260215-0002', 1, '2026-02-16 03:00:00+00'),
			           (7, 4, 'WH-SH', 1, 'PURCHASE_RECEIPT', 'PO-20260215-0002', 2, '2026-02-16 03:00:00+00');

			-- two sales orders shipped (the second's keyboard went out again as a replacement),
			-- one still open
			insert into trade_order (id, number, type, status, party_id, store_code, warehouse_code, order_date,
			        fulfilled_at, version) values
			    (3, 'SO-20260220-0007', 'SALES', 'FULFILLED', 1, 'SH01', 'WH-SH', '2026-02-20',
			        '2026-02-21 02:00:00+00', 1),
			    (4, 'SO-20260222-0008', 'SALES', 'FULFILLED', 1, 'SH01', 'WH-SH', '2026-02-22',
			        '2026-02-22 06:00:00+00', 2),
			    (5, 'SO-20260310-0009', 'SALES', 'OPEN', 1, 'SH01', 'WH-SH', '2026-03-10', null, 0);
			insert into trade_order_line (id, order_id, line_no, product_id, quantity, fulfilled_quantity, unit_price)
			    values (6, 3, 1, 1, 3, 3, 399.00),
			           (7, 3, 2, 2, 4, 4, 129.00),
			           (8, 3, 3, 3, 4, 4, 129.00),
			           (9, 3, 4, 4, 3, 3, 99.00),
			           (10, 4, 1, 2, 1, 1, 129.00),
			           (11, 4, 2, 1, 1, 2, 399.00),
			           (12, 5, 1, 1, 1, 0, 399.00);
			insert into shipment (id, order_id, kind, warehouse_code, shipped_at) values
			    (3, 3, 'ORIGINAL', 'WH-SH', '2026-02-21 02:00:00+00'),
			    (4, 4, 'ORIGINAL', 'WH-SH', '2026-02-22 06:00:00+00');
			insert into shipment_line (id, shipment_id, order_line_id, quantity) values
			    (6, 3, 6, 3), (7, 3, 7, 4), (8, 3, 8, 4), (9, 3, 9, 3), (10, 4, 10, 1), (11, 4, 11, 1);
			insert into stock_movement (id, product_id, warehouse_code, quantity, kind, reference, reference_line, at)
			    values (8, 1, 'WH-SH', -3, 'SALES_SHIPMENT', 'SO-20260220-0007', 1, '2026-02-21 02:00:00+00'),
			           (9, 2, 'WH-SH', -4, 'SALES_SHIPMENT', 'SO-20260220-0007', 2, '2026-02-21 02:00:00+00'),
			           (10, 3, 'WH-SH', -4, 'SALES_SHIPMENT', 'SO-20260220-0007', 3, '2026-02-21 02:00:00+00'),
			           (11, 4, 'WH-SH', -3, 'SALES_SHIPMENT', 'SO-20260220-0007', 4, '2026-02-21 02:00:00+00'),
			           (12, 2, 'WH-SH', -1, 'SALES_SHIPMENT', 'SO-20260222-0008', 1, '2026-02-22 06:00:00+00'),
			           (13, 1, 'WH-SH', -1, 'SALES_SHIPMENT', 'SO-20260222-0008', 2, '2026-02-22 06:00:00+00');

			-- 1. a refund of two lines at different values, 299.98 of 516.00 (the book was
			-- opened); confirmed 2026-03-04 10:00 in Shanghai, posted Dr 6001 / Cr bank
			insert into return_order (id, number, type, status, order_id, requested_by, requested_at, reason,
			        reason_detail, resolution, warehouse_code, refund_method, refund_amount, confirmed_at,
			        total_amount, returned_on, version)
			    values (1, 'RT-20260301-0001', 'CUSTOMER', 'CONFIRMED', 3, 'sales', '2026-03-01 02:00:00+00',
			        'NOT_AS_DESCRIBED', '手册已拆封', 'REFUND', 'WH-SH', 'BANK_TRANSFER', 299.98,
			        '2026-03-04 02:00:00.180+00', 516.00, '2026-03-03', 4);
			insert into return_line (id, return_id, line_no, order_line_id, quantity, unit_price, received_quantity,
			        scrapped_quantity)
			    values (1, 1, 1, 7, 1, 129.00, 1, 0),
			           (2, 1, 2, 8, 3, 129.00, 3, 0);
			insert into return_event (return_id, status, actor, at, note) values
			    (1, 'SUBMITTED', 'sales', '2026-03-01 02:00:00+00', null),
			    (1, 'APPROVED', 'approver', '2026-03-01 04:00:00+00', null),
			    (1, 'PROCESSED', 'warehouse', '2026-03-03 06:00:00+00', null),
			    (1, 'CONFIRMED', 'finance', '2026-03-04 02:00:00.180+00', null);
			insert into stock_movement (id, product_id, warehouse_code, quantity, kind, reference, reference_line, at)
			    values (14, 2, 'WH-SH', 1, 'CUSTOMER_RETURN', 'RT-20260301-0001', 1, '2026-03-04 02:00:00.050+00'),
			           (15, 3, 'WH-SH', 3, 'CUSTOMER_RETURN', 'RT-20260301-0001', 2, '2026-03-04 02:00:00.050+00');
			insert into finance_posting (reference, entry_line, account, debit, credit, posted_at) values
			    ('RT-20260301-0001', 1, '6001', 299.98, 0, '2026-03-04 02:00:00.120+00'),
			    ('RT-20260301-0001', 2, '1002', 0, 299.98, '2026-03-04 02:00:00.120+00');

			-- 2. two keyboards back, one written off, all refunded; a mouse asked for never came.
			-- Confirmed 2026-03-05 01:30 in Shanghai.
			insert into return_order (id, number, type, status, order_id, requested_by, requested_at, reason,
			        reason_detail, resolution, warehouse_code, refund_method, refund_amount, confirmed_at,
			        total_amount, returned_on, version)
			    values (2, 'RT-20260302-0001', 'CUSTOMER', 'CONFIRMED', 3, 'sales', '2026-03-02 01:00:00+00',
			        'DAMAGED', '运输途中摔坏一台', 'REFUND', 'WH-SH', 'ORIGINAL_PAYMENT', 798.00,
			        '2026-03-04 17:30:00.180+00', 798.00, '2026-03-04', 4);
			insert into return_line (id, return_id, line_no, order_line_id, quantity, unit_price, received_quantity,
			        scrapped_quantity)
			    values (3, 2, 1, 6, 2, 399.00, 2, 1),
			           (4, 2, 2, 7, 1, 129.00, 0, 0);
			insert into return_event (return_id, status, actor, at, note) values
			    (2, 'SUBMITTED', 'sales', '2026-03-02 01:00:00+00', null),
			    (2, 'APPROVED', 'approver', '2026-03-02 03:00:00+00', null),
			    (2, 'PROCESSED', 'warehouse', '2026-03-04 04:00:00+00', null),
			    (2, 'CONFIRMED', 'finance', '2026-03-04 17:30:00.180+00', null);
			insert into stock_movement (id, product_id, warehouse_code, quantity, kind, reference, reference_line, at)
			    values (16, 1, 'WH-SH', 2, 'CUSTOMER_RETURN', 'RT-20260302-0001', 1, '2026-03-04 17:30:00.050+00'),
			           (17, 1, 'WH-SH', -1, 'SCRAP', 'RT-20260302-0001', 1, '2026-03-04 17:30:00.050+00');
			insert into finance_posting (reference, entry_line, account, debit, credit, posted_at) values
			    ('RT-20260302-0001', 1, '6001', 798.00, 0, '2026-03-04 17:30:00.120+00'),
			    ('RT-20260302-0001', 2, '2241', 0, 798.00, '2026-03-04 17:30:00.120+00');

			-- 3. an exchange of the keyboard, line 2 of its order: nothing refunded, so nothing
			-- posted; the replacement went out at once. Confirmed 2026-03-05 11:00 in Shanghai.
			insert into return_order (id, number, type, status, order_id, requested_by, requested_at, reason,
			        reason_detail, resolution, warehouse_code, refund_method, refund_amount, confirmed_at,
			        total_amount, returned_on, version)
			    values (3, 'RT-20260303-0001', 'CUSTOMER', 'CONFIRMED', 4, 'sales', '2026-03-03 02:00:00+00',
			        'DEFECTIVE', '空格键失灵', 'EXCHANGE', 'WH-SH', 'STORE_CREDIT', 0.00,
			        '2026-03-05 03:00:00.180+00', 399.00, '2026-03-05', 4);
			insert into return_line (id, return_id, line_no, order_line_id, quantity, unit_price, received_quantity,
			        scrapped_quantity)
			    values (5, 3, 1, 11, 1, 399.00, 1, 0);
			insert into return_event (return_id, status, actor, at, note) values
			    (3, 'SUBMITTED', 'sales', '2026-03-03 02:00:00+00', null),
			    (3, 'APPROVED', 'approver', '2026-03-03 03:00:00+00', null),
			    (3, 'PROCESSED', 'warehouse', '2026-03-05 01:00:00+00', null),
			    (3, 'CONFIRMED', 'finance', '2026-03-05 03:00:00.180+00', null);
			insert into shipment (id, order_id, kind, return_number, warehouse_code, shipped_at)
			    values (5, 4, 'REPLACEMENT', 'RT-20260303-0001', 'WH-SH', '2026-03-05 03:00:00.210+00');
			insert into shipment_line (id, shipment_id, order_line_id, quantity) values (12, 5, 11, 1);
			insert into stock_movement (id, product_id, warehouse_code, quantity, kind, reference, reference_line, at)
			    values (18, 1, 'WH-SH', 1, 'CUSTOMER_RETURN', 'RT-20260303-0001', 1, '2026-03-05 03:00:00.050+00'),
			           (19, 1, 'WH-SH', -1, 'REPLACEMENT_SHIPMENT', 'RT-20260303-0001', 2,
			               '2026-03-05 03:00:00.210+00');

			-- 4. back to the supplier: 672.50 of goods, 650.00 refunded, the rest a loss.
			-- Confirmed 2026-03-06 00:20 in Shanghai.
			insert into return_order (id, number, type, status, order_id, requested_by, requested_at, reason,
			        reason_detail, resolution, warehouse_code, refund_method, refund_amount, confirmed_at,
			        total_amount, returned_on, version)
			    values (4, 'RT-20260305-0001', 'SUPPLIER', 'CONFIRMED', 1, 'sales', '2026-03-05 01:00:00+00',
			        'DEFECTIVE', null, 'REFUND', 'WH-SH', 'BANK_TRANSFER', 650.00, '2026-03-05 16:20:00.180+00',
			        672.50, '2026-03-05', 4);
			insert into return_line (id, return_id, line_no, order_line_id, quantity, unit_price, received_quantity,
			        scrapped_quantity)
			    values (6, 4, 1, 1, 2, 226.00, 2, 0),
			           (7, 4, 2, 2, 3, 73.50, 3, 0);
			insert into return_event (return_id, status, actor, at, note) values
			    (4, 'SUBMITTED', 'sales', '2026-03-05 01:00:00+00', null),
			    (4, 'APPROVED', 'approver', '2026-03-05 02:00:00+00', null),
			    (4, 'PROCESSED', 'warehouse', '2026-03-05 08:00:00+00', null),
			    (4, 'CONFIRMED', 'finance', '2026-03-05 16:20:00.180+00', null);
			insert into stock_movement (id, product_id, warehouse_code, quantity, kind, reference, reference_line, at)
			    values (20, 1, 'WH-SH', -2, 'SUPPLIER_RETURN', 'RT-20260305-0001', 1, '2026-03-05 16:20:00.050+00'),
			           (21, 2, 'WH-SH', -3, 'SUPPLIER_RETURN', 'RT-20260305-0001', 2, '2026-03-05 16:20:00.050+00');
			insert into finance_posting (reference, entry_line, account, debit, credit, posted_at) values
			    ('RT-20260305-0001', 1, '1221', 650.00, 0, '2026-03-05 16:20:00.120+00'),
			    ('RT-20260305-0001', 2, '6711', 22.50, 0, '2026-03-05 16:20:00.120+00'),
			    ('RT-20260305-0001', 3, '1405', 0, 672.50, '2026-03-05 16:20:00.120+00');

			-- 5. a mouse exchanged with the supplier, line 2 of the purchase order: nothing
			-- refunded, so the whole value went to the losses (the zero receivable was left
			-- out). Confirmed 2026-03-06 09:00 in Shanghai.
			insert into return_order (id, number, type, status, order_id, requested_by, requested_at, reason,
			        reason_detail, resolution, warehouse_code, refund_method, refund_amount, confirmed_at,
			        total_amount, returned_on, version)
			    values (5, 'RT-20260306-0001', 'SUPPLIER', 'CONFIRMED', 1, 'sales', '2026-03-05 23:00:00+00',
			        'WRONG_ITEM', '颜色发错', 'EXCHANGE', 'WH-SH', 'STORE_CREDIT', 0.00, '2026-03-06 01:00:00.180+00',
			        73.50, '2026-03-06', 4);
			insert into return_line (id, return_id, line_no, order_line_id, quantity, unit_price, received_quantity,
			        scrapped_quantity)
			    values (8, 5, 1, 2, 1, 73.50, 1, 0);
			insert into return_event (return_id, status, actor, at, note) values
			    (5, 'SUBMITTED', 'sales', '2026-03-05 23:00:00+00', null),
			    (5, 'APPROVED', 'approver', '2026-03-05 23:30:00+00', null),
			    (5, 'PROCESSED', 'warehouse', '2026-03-06 00:30:00+00', null),
			    (5, 'CONFIRMED', 'finance', '2026-03-06 01:00:00.180+00', null);
			insert into shipment (id, order_id, kind, return_number, warehouse_code, shipped_at)
			    values (6, 1, 'REPLACEMENT', 'RT-20260306-0001', 'WH-SH', '2026-03-06 01:00:00.210+00');
			insert into shipment_line (id, shipment_id, order_line_id, quantity) values (13, 6, 2, 1);
			insert into stock_movement (id, product_id, warehouse_code, quantity, kind, reference, reference_line, at)
			    values (22, 2, 'WH-SH', -1, 'SUPPLIER_RETURN', 'RT-20260306-0001', 1, '2026-03-06 01:00:00.050+00'),
			           (23, 2, 'WH-SH', 1, 'REPLACEMENT_RECEIPT', 'RT-20260306-0001', 2,
			               '2026-03-06 01:00:00.210+00');
			insert into finance_posting (reference, entry_line, account, debit, credit, posted_at) values
			    ('RT-20260306-0001', 1, '6711', 73.50, 0, '2026-03-06 01:00:00.120+00'),
			    ('RT-20260306-0001', 2, '1405', 0, 73.50, '2026-03-06 01:00:00.120+00');

			-- 6. processed, awaiting finance: nothing moved or posted yet
			insert into return_order (id, number, type, status, order_id, requested_by, requested_at, reason,
			        reason_detail, resolution, warehouse_code, refund_method, refund_amount, total_amount,
			        returned_on, version)
			    values (6, 'RT-20260307-0001', 'CUSTOMER', 'PROCESSED', 3, 'sales', '2026-03-07 02:00:00+00',
			        'NO_LONGER_NEEDED', null, 'REFUND', 'WH-SH', 'ORIGINAL_PAYMENT', 399.00, 399.00, '2026-03-07', 2);
			insert into return_line (id, return_id, line_no, order_line_id, quantity, unit_price, received_quantity,
			        scrapped_quantity)
			    values (9, 6, 1, 6, 1, 399.00, 1, 0);
			insert into return_event (return_id, status, actor, at, note) values
			    (6, 'SUBMITTED', 'sales', '2026-03-07 02:00:00+00', null),
			    (6, 'APPROVED', 'approver', '2026-03-07 03:00:00+00', null),
			    (6, 'PROCESSED', 'warehouse', '2026-03-07 06:00:00+00', null);

			-- 7. submitted, awaiting approval
			insert into return_order (id, number, type, status, order_id, requested_by, requested_at, reason,
			        reason_detail, resolution, total_amount, version)
			    values (7, 'RT-20260308-0001', 'CUSTOMER', 'SUBMITTED', 3, 'sales', '2026-03-08 02:00:00+00',
			        'OTHER', null, 'REFUND', 129.00, 0);
			insert into return_line (id, return_id, line_no, order_line_id, quantity, unit_price)
			    values (10, 7, 1, 7, 1, 129.00);
			insert into return_event (return_id, status, actor, at, note)
			    values (7, 'SUBMITTED', 'sales', '2026-03-08 02:00:00+00', null);

			-- stock: each level the sum of its movements
			insert into stock_level (product_id, warehouse_code, on_hand, version) values
			    (1, 'WH-SH', 20, 9), (2, 'WH-SH', 43, 8), (3, 'WH-SH', 49, 3), (4, 'WH-SH', 0, 3);
			""";

	/** One database of each kind, migrated once: the tests only read it. */
	private static final Map<FreshDatabase, Migrated> migrated = new EnumMap<>(FreshDatabase.class);

	@AfterAll
	static void closeDatabases() {
		migrated.values().forEach(Migrated::close);
		migrated.clear();
	}

	@ParameterizedTest
	@EnumSource
	void costsPurchaseLinesAtTheirNetPriceAndSalesLinesAtTheAveragePurchaseCost(FreshDatabase database) {
		JdbcTemplate jdbc = migratedWithDataOfV16(database).jdbc();

		// Purchases at the net price: 226.00 / 1.13, 73.50 / 1.13 = 65.044, 56.50 / 1.13,
		// 79.10 / 1.13, 57.63 / 1.13. Sales at the average of the purchases' costs by
		// units received: mouse (31 × 65.04 + 20 × 70.00) / 51 = 66.985, hub (2 × 50.00 +
		// 1 × 51.00) / 3 = 50.333; the book, never purchased, 129.00 / 1.09 × 0.6 =
		// 71.009. The book's line takes its 9 %; the open order's line, never shipped,
		// has no cost.
		assertThat(jdbc.query("""
				select o.number, l.line_no, p.sku, l.vat_rate, l.unit_cost
				from trade_order_line l join trade_order o on o.id = l.order_id join product p on p.id = l.product_id
				order by o.number, l.line_no""",
				(row, i) -> row.getString(1) + "/" + row.getInt(2) + " " + row.getString(3) + " "
						+ row.getBigDecimal(4).toPlainString() + " " + money(row.getBigDecimal(5))))
			.containsExactly("PO-20260210-0001/1 KB-87 0.1300 200.00", "PO-20260210-0001/2 MS-01 0.1300 65.04",
					"PO-20260210-0001/3 HD-01 0.1300 50.00", "PO-20260215-0002/1 MS-01 0.1300 70.00",
					"PO-20260215-0002/2 HD-01 0.1300 51.00", "SO-20260220-0007/1 KB-87 0.1300 200.00",
					"SO-20260220-0007/2 MS-01 0.1300 66.99", "SO-20260220-0007/3 GB-01 0.0900 71.01",
					"SO-20260220-0007/4 HD-01 0.1300 50.33", "SO-20260222-0008/1 MS-01 0.1300 66.99",
					"SO-20260222-0008/2 KB-87 0.1300 200.00", "SO-20260310-0009/1 KB-87 0.1300 null");
	}

	@ParameterizedTest
	@EnumSource
	void movesEachMovementAtTheCostOfTheOrderLineItMoved(FreshDatabase database) {
		JdbcTemplate jdbc = migratedWithDataOfV16(database).jdbc();

		// returns at the cost of the line they return; replacements at the cost of the
		// order line they name (line 2 of both orders: at line 1, the exchanged keyboard
		// would move at a mouse's 66.99 and the supplier's mouse at a keyboard's 200.00)
		assertThat(jdbc.query("""
				select m.kind, m.reference, m.reference_line, p.sku, m.quantity, m.unit_cost, m.moved_value
				from stock_movement m join product p on p.id = m.product_id order by m.id""",
				(row, i) -> row.getString(1) + " " + row.getString(2) + "/" + row.getInt(3) + " " + row.getString(4)
						+ " " + row.getInt(5) + " × " + money(row.getBigDecimal(6)) + " = "
						+ money(row.getBigDecimal(7))))
			.containsExactly("OPENING OPENING-WH-SH/0 KB-87 5 × 200.00 = 1000.00",
					"OPENING OPENING-WH-SH/0 GB-01 50 × 71.01 = 3550.50",
					"PURCHASE_RECEIPT PO-20260210-0001/1 KB-87 20 × 200.00 = 4000.00",
					"PURCHASE_RECEIPT PO-20260210-0001/2 MS-01 30 × 65.04 = 1951.20",
					"PURCHASE_RECEIPT PO-20260210-0001/3 HD-01 2 × 50.00 = 100.00",
					"PURCHASE_RECEIPT PO-20260215-0002/1 MS-01 20 × 70.00 = 1400.00",
					"PURCHASE_RECEIPT PO-20260215-0002/2 HD-01 1 × 51.00 = 51.00",
					"SALES_SHIPMENT SO-20260220-0007/1 KB-87 -3 × 200.00 = -600.00",
					"SALES_SHIPMENT SO-20260220-0007/2 MS-01 -4 × 66.99 = -267.96",
					"SALES_SHIPMENT SO-20260220-0007/3 GB-01 -4 × 71.01 = -284.04",
					"SALES_SHIPMENT SO-20260220-0007/4 HD-01 -3 × 50.33 = -150.99",
					"SALES_SHIPMENT SO-20260222-0008/1 MS-01 -1 × 66.99 = -66.99",
					"SALES_SHIPMENT SO-20260222-0008/2 KB-87 -1 × 200.00 = -200.00",
					"CUSTOMER_RETURN RT-20260301-0001/1 MS-01 1 × 66.99 = 66.99",
					"CUSTOMER_RETURN RT-20260301-0001/2 GB-01 3 × 71.01 = 213.03",
					"CUSTOMER_RETURN RT-20260302-0001/1 KB-87 2 × 200.00 = 400.00",
					"SCRAP RT-20260302-0001/1 KB-87 -1 × 200.00 = -200.00",
					"CUSTOMER_RETURN RT-20260303-0001/1 KB-87 1 × 200.00 = 200.00",
					"REPLACEMENT_SHIPMENT RT-20260303-0001/2 KB-87 -1 × 200.00 = -200.00",
					"SUPPLIER_RETURN RT-20260305-0001/1 KB-87 -2 × 200.00 = -400.00",
					"SUPPLIER_RETURN RT-20260305-0001/2 MS-01 -3 × 65.04 = -195.12",
					"SUPPLIER_RETURN RT-20260306-0001/1 MS-01 -1 × 65.04 = -65.04",
					"REPLACEMENT_RECEIPT RT-20260306-0001/2 MS-01 1 × 65.04 = 65.04");
	}

	@ParameterizedTest
	@EnumSource
	void refusesAMovementWithoutACost(FreshDatabase database) {
		JdbcTemplate jdbc = migratedWithDataOfV16(database).jdbc();

		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> jdbc.update("""
				insert into stock_movement (product_id, warehouse_code, quantity, kind, reference, reference_line, at)
				values (1, 'WH-SH', 1, 'OPENING', 'OPENING-TEST', 0, current_timestamp)"""));
		assertThat(jdbc.queryForObject("select count(*) from stock_movement", Integer.class)).isEqualTo(23);
	}

	@ParameterizedTest
	@EnumSource
	void valuesTheUnitsOnHandAtTheirMovementsAndASoldOutProductAtNothing(FreshDatabase database) {
		JdbcTemplate jdbc = migratedWithDataOfV16(database).jdbc();

		// keyboard 1000 + 4000 - 600 - 200 + 400 - 200 + 200 - 200 - 400; mouse 1951.20 +
		// 1400 - 267.96 - 66.99 + 66.99 - 195.12 - 65.04 + 65.04; book 3550.50 - 284.04 +
		// 213.03; the hub, sold out, moved 100 + 51 - 150.99 = 0.01
		assertThat(jdbc.query("""
				select p.sku, v.quantity, v.total_value,
				       (select sum(s.on_hand) from stock_level s where s.product_id = v.product_id)
				from stock_valuation v join product p on p.id = v.product_id order by p.sku""",
				(row, i) -> row.getString(1) + " " + row.getLong(2) + " " + money(row.getBigDecimal(3)) + " (on hand "
						+ row.getLong(4) + ")"))
			.containsExactly("GB-01 49 3479.49 (on hand 49)", "HD-01 0 0.00 (on hand 0)",
					"KB-87 20 4000.00 (on hand 20)", "MS-01 43 2888.12 (on hand 43)");
	}

	@ParameterizedTest
	@EnumSource
	void journalsThePostingsAndTheCarryOversNumberedPerMerchantsDay(FreshDatabase database) {
		JdbcTemplate jdbc = migratedWithDataOfV16(database).jdbc();

		// Days in Shanghai: the keyboards' refund (17:30 UTC) and the supplier return
		// (16:20 UTC) fall on the next day. Each day: the entries as posted, by time,
		// then the carry-overs by the time of confirmation, a return's cost before its
		// replacement. Cost of return 1: 66.99 + 3 × 71.01; of 2: 2 × 200 in, 1 × 200
		// written off; of 4: 672.50 credited at the price, 2 × 200.00 + 3 × 65.04 =
		// 595.12 moved out; of 5: 73.50 credited, 65.04 moved out. The exchanges' refunds
		// of 0.00 had posted nothing.
		assertThat(journal(jdbc)).containsExactly(
				"JE-20260304-0001 2026-03-04 RT-20260301-0001:BEFORE-BOOKS: 1 Dr 6001 299.98, 2 Cr 1002 299.98",
				"JE-20260304-0002 2026-03-04 RT-20260301-0001:COST: 1 Dr 1405 280.02, 2 Cr 6401 280.02",
				"JE-20260305-0001 2026-03-05 RT-20260302-0001:BEFORE-BOOKS: 1 Dr 6001 798.00, 2 Cr 2241 798.00",
				"JE-20260305-0002 2026-03-05 RT-20260302-0001:COST: 1 Dr 1405 200.00, 2 Dr 6711 200.00, 3 Cr 6401 400.00",
				"JE-20260305-0003 2026-03-05 RT-20260303-0001:COST: 1 Dr 1405 200.00, 2 Cr 6401 200.00",
				"JE-20260305-0004 2026-03-05 RT-20260303-0001:REPLACEMENT: 1 Dr 6401 200.00, 2 Cr 1405 200.00",
				"JE-20260306-0001 2026-03-06 RT-20260305-0001:BEFORE-BOOKS: 1 Dr 1221 650.00, 2 Dr 6711 22.50, 3 Cr 1405 672.50",
				"JE-20260306-0002 2026-03-06 RT-20260306-0001:BEFORE-BOOKS: 1 Dr 6711 73.50, 2 Cr 1405 73.50",
				"JE-20260306-0003 2026-03-06 RT-20260305-0001:COST: 1 Dr 1405 77.38, 2 Cr 6711 77.38",
				"JE-20260306-0004 2026-03-06 RT-20260306-0001:COST: 1 Dr 1405 8.46, 2 Cr 6711 8.46",
				"JE-20260306-0005 2026-03-06 RT-20260306-0001:REPLACEMENT: 1 Dr 1405 65.04, 2 Cr 6711 65.04");
	}

	@ParameterizedTest
	@EnumSource
	void keepsThePostingsBeforeTheBooksAsTheyWerePostedForTheStoreOfTheOrder(FreshDatabase database) {
		JdbcTemplate jdbc = migratedWithDataOfV16(database).jdbc();

		assertThat(jdbc.query("""
				select reference, store_code, memo, posted_at from journal_entry
				where event_key like '%:BEFORE-BOOKS' order by number""",
				(row, i) -> row.getString(1) + " " + row.getString(2) + " " + row.getString(3) + " " + instant(row, 4)))
			.containsExactly(
					"RT-20260301-0001 SH01 Return RT-20260301-0001 posted before the books 2026-03-04T02:00:00.120Z",
					"RT-20260302-0001 SH01 Return RT-20260302-0001 posted before the books 2026-03-04T17:30:00.120Z",
					"RT-20260305-0001 SH01 Return RT-20260305-0001 posted before the books 2026-03-05T16:20:00.120Z",
					"RT-20260306-0001 SH01 Return RT-20260306-0001 posted before the books 2026-03-06T01:00:00.120Z");
	}

	@ParameterizedTest
	@EnumSource
	void postsTheCarryOversWhenTheDatabaseIsUpgradedAndSaysSo(FreshDatabase database) {
		Migrated upgraded = migratedWithDataOfV16(database);

		List<String> carryOvers = upgraded.jdbc().query("""
				select event_key, store_code, memo, posted_at from journal_entry
				where event_key not like '%:BEFORE-BOOKS' order by number""", (row, i) -> {
			assertThat(instant(row, 4)).isBetween(upgraded.migrationStarted(), upgraded.migrationEnded());
			return row.getString(1) + " " + row.getString(2) + " " + row.getString(3);
		});
		assertThat(carryOvers).containsExactly(
				"RT-20260301-0001:COST SH01 Return RT-20260301-0001 at cost, carried over",
				"RT-20260302-0001:COST SH01 Return RT-20260302-0001 at cost, carried over",
				"RT-20260303-0001:COST SH01 Return RT-20260303-0001 at cost, carried over",
				"RT-20260303-0001:REPLACEMENT SH01 Replacement of return RT-20260303-0001 at cost, carried over",
				"RT-20260305-0001:COST SH01 Return RT-20260305-0001 at cost, carried over",
				"RT-20260306-0001:COST SH01 Return RT-20260306-0001 at cost, carried over",
				"RT-20260306-0001:REPLACEMENT SH01 Replacement of return RT-20260306-0001 at cost, carried over");
	}

	@ParameterizedTest
	@EnumSource
	void balancesEveryEntryAndTheTrialBalance(FreshDatabase database) {
		JdbcTemplate jdbc = migratedWithDataOfV16(database).jdbc();

		assertThat(jdbc.queryForList("""
				select e.number from journal_entry e join journal_line l on l.entry_id = e.id
				group by e.number having sum(l.debit) <> sum(l.credit)""", String.class)).isEmpty();
		// 1405: returns moved 280.02 + 200.00 + 0 - 595.12 + 0 = -115.10 at cost
		assertThat(jdbc.query("""
				select account, sum(debit), sum(credit) from journal_line group by account order by account""",
				(row, i) -> row.getString(1) + " " + money(row.getBigDecimal(2)) + " " + money(row.getBigDecimal(3))))
			.containsExactly("1002 0.00 299.98", "1221 650.00 0.00", "1405 830.90 946.00", "2241 0.00 798.00",
					"6001 1097.98 0.00", "6401 200.00 880.02", "6711 296.00 150.88");
		assertThat(jdbc.query("select sum(debit), sum(credit) from journal_line",
				(row, i) -> money(row.getBigDecimal(1)) + " " + money(row.getBigDecimal(2))))
			.containsExactly("3074.88 3074.88");
	}

	@ParameterizedTest
	@EnumSource
	void postsToInventoryWhatEachReturnMovedAtCost(FreshDatabase database) {
		JdbcTemplate jdbc = migratedWithDataOfV16(database).jdbc();

		assertThat(jdbc.query("""
				select r.number,
				       (select coalesce(sum(l.debit - l.credit), 0) from journal_entry e
				        join journal_line l on l.entry_id = e.id
				        where e.reference = r.number and l.account = '1405'),
				       (select coalesce(sum(m.moved_value), 0) from stock_movement m where m.reference = r.number)
				from return_order r order by r.number""",
				(row, i) -> row.getString(1) + " 1405 " + money(row.getBigDecimal(2)) + " moved "
						+ money(row.getBigDecimal(3))))
			.containsExactly("RT-20260301-0001 1405 280.02 moved 280.02", "RT-20260302-0001 1405 200.00 moved 200.00",
					"RT-20260303-0001 1405 0.00 moved 0.00", "RT-20260305-0001 1405 -595.12 moved -595.12",
					"RT-20260306-0001 1405 0.00 moved 0.00", "RT-20260307-0001 1405 0.00 moved 0.00",
					"RT-20260308-0001 1405 0.00 moved 0.00");
	}

	@ParameterizedTest
	@EnumSource
	void issuesACreditNoteForEachConfirmedCustomerReturnAndADebitNoteForEachSupplierReturn(FreshDatabase database) {
		JdbcTemplate jdbc = migratedWithDataOfV16(database).jdbc();

		// numbered per kind and merchant's day of confirmation; nothing for returns not
		// confirmed. Net and tax are the sums of the lines below.
		assertThat(jdbc.query("""
				select number, kind, return_number, issued_on, order_number, party_code, party_name, store_code,
				       refund_method, net, tax, gross, issued_at
				from credit_note order by number""",
				(row, i) -> String.join(" ", row.getString(1), row.getString(2), row.getString(3),
						row.getObject(4, LocalDate.class).toString(), row.getString(5), row.getString(6),
						row.getString(7), row.getString(8), row.getString(9), money(row.getBigDecimal(10)),
						money(row.getBigDecimal(11)), money(row.getBigDecimal(12)), instant(row, 13).toString())))
			.containsExactly(
					"CN-20260304-0001 CREDIT RT-20260301-0001 2026-03-04 SO-20260220-0007 C-1001 王伟 SH01 "
							+ "BANK_TRANSFER 272.77 27.21 299.98 2026-03-04T02:00:00.180Z",
					"CN-20260305-0001 CREDIT RT-20260302-0001 2026-03-05 SO-20260220-0007 C-1001 王伟 SH01 "
							+ "ORIGINAL_PAYMENT 706.19 91.81 798.00 2026-03-04T17:30:00.180Z",
					"CN-20260305-0002 CREDIT RT-20260303-0001 2026-03-05 SO-20260222-0008 C-1001 王伟 SH01 "
							+ "STORE_CREDIT 0.00 0.00 0.00 2026-03-05T03:00:00.180Z",
					"DN-20260306-0001 DEBIT RT-20260305-0001 2026-03-06 PO-20260210-0001 V-01 深圳键客科技有限公司 SH01 "
							+ "BANK_TRANSFER 575.22 74.78 650.00 2026-03-05T16:20:00.180Z",
					"DN-20260306-0002 DEBIT RT-20260306-0001 2026-03-06 PO-20260210-0001 V-01 深圳键客科技有限公司 SH01 "
							+ "STORE_CREDIT 0.00 0.00 0.00 2026-03-06T01:00:00.180Z");
	}

	@ParameterizedTest
	@EnumSource
	void sharesTheRefundOverTheLinesReceivedByValueTheLastTakingTheRest(FreshDatabase database) {
		JdbcTemplate jdbc = migratedWithDataOfV16(database).jdbc();

		// Return 1: 299.98 of 129.00 + 387.00; the mouse's share 299.98 × 129 / 516 =
		// 74.995 rounds up to 75.00, so the book takes 224.98 (its own share, 224.985,
		// would round to 224.99 and the note to 299.99). Net 75.00 / 1.13 = 66.372,
		// 224.98 / 1.09 = 206.404. Return 2: the mouse that never came has no line.
		// Return 4: 650.00 × 452 / 672.50 = 436.877; 436.88 / 1.13 = 386.619, 213.12 /
		// 1.13 = 188.602.
		assertThat(jdbc.query("""
				select c.number, l.line_no, l.sku, l.name, l.quantity, l.unit_price, l.vat_rate, l.net, l.tax, l.gross
				from credit_note_line l join credit_note c on c.id = l.note_id order by c.number, l.line_no""",
				(row, i) -> row.getString(1) + "/" + row.getInt(2) + " " + row.getString(3) + " " + row.getString(4)
						+ " " + row.getInt(5) + " × " + money(row.getBigDecimal(6)) + " @ "
						+ row.getBigDecimal(7).toPlainString() + ": " + money(row.getBigDecimal(8)) + " + "
						+ money(row.getBigDecimal(9)) + " = " + money(row.getBigDecimal(10))))
			.containsExactly("CN-20260304-0001/1 MS-01 Wireless mouse 无线鼠标 1 × 129.00 @ 0.1300: 66.37 + 8.63 = 75.00",
					"CN-20260304-0001/2 GB-01 Keyboard handbook 机械键盘手册 3 × 129.00 @ 0.0900: 206.40 + 18.58 = 224.98",
					"CN-20260305-0001/1 KB-87 Mechanical keyboard 机械键盘 2 × 399.00 @ 0.1300: 706.19 + 91.81 = 798.00",
					"CN-20260305-0002/1 KB-87 Mechanical keyboard 机械键盘 1 × 399.00 @ 0.1300: 0.00 + 0.00 = 0.00",
					"DN-20260306-0001/1 KB-87 Mechanical keyboard 机械键盘 2 × 226.00 @ 0.1300: 386.62 + 50.26 = 436.88",
					"DN-20260306-0001/2 MS-01 Wireless mouse 无线鼠标 3 × 73.50 @ 0.1300: 188.60 + 24.52 = 213.12",
					"DN-20260306-0002/1 MS-01 Wireless mouse 无线鼠标 1 × 73.50 @ 0.1300: 0.00 + 0.00 = 0.00");
	}

	@ParameterizedTest
	@EnumSource
	void continuesEachKindsNumbersOfADayAfterTheLastOneUsed(FreshDatabase database) {
		JdbcTemplate jdbc = migratedWithDataOfV16(database).jdbc();

		assertThat(jdbc.query(
				"select kind, counter_day, last_value from document_number_counter order by kind, counter_day",
				(row, i) -> row.getString(1) + " " + row.getObject(2, LocalDate.class) + " " + row.getInt(3)))
			.containsExactly("CN 2026-03-04 1", "CN 2026-03-05 2", "DN 2026-03-06 2", "JE 2026-03-04 2",
					"JE 2026-03-05 4", "JE 2026-03-06 5");
		// and every day's numbers run 1, 2, … without a gap
		assertThat(jdbc.queryForList("""
				select c.kind || ' ' || c.counter_day from document_number_counter c
				where c.last_value <> (select count(*) from journal_entry e
				                       where c.kind = 'JE' and e.entry_date = c.counter_day)
				                      + (select count(*) from credit_note n
				                         where n.issued_on = c.counter_day
				                           and n.number like c.kind || '-%')""", String.class)).isEmpty();
	}

	@ParameterizedTest
	@EnumSource
	void dropsTheOldPostings(FreshDatabase database) {
		JdbcTemplate jdbc = migratedWithDataOfV16(database).jdbc();

		assertThat(jdbc.queryForObject("""
				select count(*) from information_schema.tables
				where lower(table_schema) = 'public' and lower(table_name) = 'finance_posting'""", Integer.class))
			.isZero();
		// nor are the migration's working tables left behind
		assertThat(jdbc.queryForObject("""
				select count(*) from information_schema.tables
				where lower(table_schema) = 'public' and lower(table_name) like 'books%'""", Integer.class)).isZero();
	}

	/**
	 * The scenario of every test: a fresh database migrated to V16, the data of
	 * {@link #V16_DATA} inserted, then migrated to the latest version; once per database.
	 */
	private static Migrated migratedWithDataOfV16(FreshDatabase database) {
		return migrated.computeIfAbsent(database, Migrated::of);
	}

	/**
	 * The journal: "number day event: 1 Dr account amount, 2 Cr account amount, …" in the
	 * order of the numbers.
	 */
	private static List<String> journal(JdbcTemplate jdbc) {
		Map<String, List<String>> entries = new LinkedHashMap<>();
		jdbc.query("""
				select e.number, e.entry_date, e.event_key, l.account, l.debit, l.credit, l.line_no
				from journal_entry e join journal_line l on l.entry_id = e.id order by e.number, l.line_no""",
				(RowCallbackHandler) (row) -> {
					String entry = row.getString(1) + " " + row.getObject(2, LocalDate.class) + " " + row.getString(3);
					BigDecimal debit = row.getBigDecimal(5);
					String line = row.getInt(7)
							+ ((debit.signum() != 0) ? " Dr " + row.getString(4) + " " + money(debit)
									: " Cr " + row.getString(4) + " " + money(row.getBigDecimal(6)));
					entries.computeIfAbsent(entry, (key) -> new ArrayList<>()).add(line);
				});
		return entries.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + ": " + String.join(", ", entry.getValue()))
			.toList();
	}

	/** An amount as the books print it, refusing one of more than two decimals. */
	private static String money(BigDecimal amount) {
		return (amount != null) ? amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString() : "null";
	}

	private static Instant instant(ResultSet row, int column) throws SQLException {
		return row.getObject(column, OffsetDateTime.class).toInstant();
	}

	/** A database after the migration, and when the migration ran. */
	record Migrated(HikariDataSource dataSource, Runnable drop, Instant migrationStarted, Instant migrationEnded) {

		static Migrated of(FreshDatabase database) {
			String name = "books_carried_over_" + database.vendor();
			HikariDataSource dataSource = database.open(name);

			database.migrateTo(dataSource, "16", V16_DATA);
			// a database's clock may read a little behind the JVM's
			Instant started = Instant.now().minusSeconds(1);
			database.migrateToLatest(dataSource);
			return new Migrated(dataSource, () -> database.drop(name), started, Instant.now().plusSeconds(1));
		}

		JdbcTemplate jdbc() {
			return new JdbcTemplate(this.dataSource);
		}

		void close() {
			this.dataSource.close();
			this.drop.run();
		}

	}

}
