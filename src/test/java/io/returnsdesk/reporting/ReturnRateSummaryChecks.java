package io.returnsdesk.reporting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import io.returnsdesk.catalog.Party;
import io.returnsdesk.catalog.PartyKind;
import io.returnsdesk.catalog.Product;
import io.returnsdesk.catalog.Store;
import io.returnsdesk.sales.TradeOrder;
import io.returnsdesk.support.ReturnDriver;
import io.returnsdesk.support.TestFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static io.returnsdesk.support.TestFixtures.line;
import static io.returnsdesk.support.TimeTravel.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The summary-based report against the same report read from the raw rows, on a data set
 * of its own database: two stores, customer and supplier returns, shipments and
 * confirmations minutes either side of the merchant's midnight at the end of a month, a
 * returnless refund (the customer keeps the goods), a pending return that does not count,
 * and periods of whole months, parts of months at either end, one day and a year with
 * empty months. Run on PostgreSQL and on H2.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReturnRateSummaryChecks {

	static final List<String> PERIODS = List.of("2021-01-01 2021-04-30", "2021-01-20 2021-03-31",
			"2021-01-31 2021-02-01", "2021-02-01 2021-02-28", "2021-02-05 2021-03-01", "2021-02-28 2021-03-30",
			"2021-03-02 2021-03-31", "2021-03-10 2021-03-10", "2020-12-01 2021-12-31");

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReturnDriver driver;

	@Autowired
	ReturnRateReport report;

	@Autowired
	ReturnRateSummary summary;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	Store north;

	Store south;

	// once for the class, but inside a test: the process coverage records runs of tests
	// only
	@BeforeEach
	void shipAndReturnAcrossMonthEnds() {
		if (this.north != null) {
			return;
		}
		this.north = this.fixtures.store();
		this.south = this.fixtures.store();
		Product a = this.fixtures.product("10.00", 1000);
		Product b = this.fixtures.product("25.00", 1000);
		Product c = this.fixtures.product("4.50", 1000);
		Party alice = this.fixtures.party(PartyKind.CUSTOMER, "Alice");
		Party bob = this.fixtures.party(PartyKind.CUSTOMER, "Bob");
		Party maker = this.fixtures.party(PartyKind.SUPPLIER, "Maker");
		TradeOrder o1 = at(this.clock, "2021-01-20T10:00",
				() -> this.fixtures.shippedSale(this.north, alice, 0, line(a, 30), line(b, 10)));
		// half an hour before the merchant's February: still January
		TradeOrder o2 = at(this.clock, "2021-01-31T23:30",
				() -> this.fixtures.shippedSale(this.south, bob, 0, line(a, 20), line(c, 100)));
		// a quarter of an hour into the merchant's February, still January in UTC
		TradeOrder o3 = at(this.clock, "2021-02-01T00:15",
				() -> this.fixtures.shippedSale(this.north, bob, 0, line(b, 40), line(c, 50)));
		TradeOrder p1 = at(this.clock, "2021-02-15T12:00",
				() -> this.fixtures.receivedPurchase(this.north, maker, 0, line(a, 200, "6.00")));
		TradeOrder o4 = at(this.clock, "2021-03-03T09:00",
				() -> this.fixtures.shippedSale(this.south, alice, 0, line(a, 15), line(b, 5)));
		TradeOrder o5 = at(this.clock, "2021-03-31T23:50",
				() -> this.fixtures.shippedSale(this.north, alice, 0, line(c, 60)));
		confirmedAt("2021-02-05T10:00", o1, "DEFECTIVE", a.getSku(), 3);
		confirmedAt("2021-02-28T23:45", o2, "DAMAGED", a.getSku(), 2, c.getSku(), 7);
		// a wrong item below 30.00 a unit: the customer keeps it, nothing comes back
		keptAt("2021-03-01T00:05", o3, "WRONG_ITEM", b.getSku(), 4);
		confirmedAt("2021-03-10T10:00", p1, "DEFECTIVE", a.getSku(), 12);
		confirmedAt("2021-03-20T15:00", o4, "NOT_AS_DESCRIBED", b.getSku(), 1);
		confirmedAt("2021-04-02T08:00", o5, "DAMAGED", c.getSku(), 6);
		at(this.clock, "2021-04-03T08:00",
				() -> this.driver.request(o3.getNumber(), "NO_LONGER_NEEDED", "REFUND", c.getSku(), 5));
	}

	@Test
	void countsEachShipmentAndConfirmationInTheMerchantsMonth() {
		assertThat(this.report.report(LocalDate.parse("2021-01-01"), LocalDate.parse("2021-01-31"),
				ReportGrouping.STORE, false, null))
			.extracting(ReturnRateRow::key, ReturnRateRow::shippedQuantity, ReturnRateRow::returnedQuantity)
			.containsExactlyInAnyOrder(tuple(this.south.getCode(), 120L, 0L), tuple(this.north.getCode(), 40L, 0L));
		assertThat(this.report.report(LocalDate.parse("2021-02-01"), LocalDate.parse("2021-03-31"),
				ReportGrouping.MONTH, false, null))
			.extracting(ReturnRateRow::key, ReturnRateRow::shippedQuantity, ReturnRateRow::returnedQuantity,
					ReturnRateRow::returnAmount)
			.containsExactly(tuple("2021-02", 90L, 12L, new BigDecimal("81.50")),
					tuple("2021-03", 80L, 5L, new BigDecimal("125.00")));
		assertThat(this.jdbc.queryForObject(
				"select sum(quantity) from return_rate_shipped where store_code <> '' and product_id <> 0", Long.class))
			.isEqualTo(530L);
	}

	@Test
	void countsTheUnitsTheCustomerKeptAsReturnedAndApartNotAsReceived() {
		assertThat(this.report.report(LocalDate.parse("2021-02-01"), LocalDate.parse("2021-03-31"),
				ReportGrouping.MONTH, false, null))
			.extracting(ReturnRateRow::key, ReturnRateRow::returnlessQuantity, ReturnRateRow::returnlessAmount)
			.containsExactly(tuple("2021-02", 0L, new BigDecimal("0.00")),
					tuple("2021-03", 4L, new BigDecimal("100.00")));
		assertThat(this.report.report(LocalDate.parse("2021-03-01"), LocalDate.parse("2021-03-01"),
				ReportGrouping.REASON, false, this.north.getCode()))
			.extracting(ReturnRateRow::key, ReturnRateRow::returnedQuantity, ReturnRateRow::returnlessQuantity)
			.containsExactly(tuple("WRONG_ITEM", 4L, 4L));
		// in the summary's rows apart from the units received, on the merchant's day
		assertThat(this.jdbc.queryForList("""
				select quantity, amount, returnless_quantity, returnless_amount from return_rate_returned_day
				where day_start = ? and store_code = ? and product_id <> 0""", java.sql.Date.valueOf("2021-03-01"),
				this.north.getCode()))
			.singleElement()
			.satisfies((row) -> assertThat(row.values()).containsExactly(0L, new BigDecimal("0.00"), 4L,
					new BigDecimal("100.00")));
	}

	@Test
	void readsThePartsOfMonthsFromTheSummarysDays() {
		// a day's row changed behind the summary's back shows in a report of that day
		// only
		this.jdbc.update("""
				update return_rate_returned_day set quantity = quantity + 1000
				where day_start = ? and store_code = '' and product_id = 0 and reason = ''""",
				java.sql.Date.valueOf("2021-02-05"));
		try {
			assertThat(this.report.report(LocalDate.parse("2021-02-05"), LocalDate.parse("2021-02-05"),
					ReportGrouping.MONTH, false, null))
				.extracting(ReturnRateRow::returnedQuantity)
				.containsExactly(1003L);
			assertThat(this.report.reportFromRawRows(LocalDate.parse("2021-02-05"), LocalDate.parse("2021-02-05"),
					ReportGrouping.MONTH, false, null))
				.extracting(ReturnRateRow::returnedQuantity)
				.containsExactly(3L);
		}
		finally {
			this.summary.rebuild();
		}
	}

	@Test
	void reportsWhatTheRawRowsReportForEveryPeriodGroupingStoreAndType() {
		assertThat(summaryAndRawReports())
			.allSatisfy((pair) -> assertThat(pair[0]).as(pair[2].toString()).isEqualTo(pair[1]));
	}

	@Test
	void aRebuildFromTheRawRowsGivesTheSameSummary() {
		List<String> tables = List.of(
				"select month_start, order_type, store_code, product_id, quantity from return_rate_shipped",
				"select month_start, return_type, store_code, product_id, reason, quantity, amount, returnless_quantity, returnless_amount from return_rate_returned",
				"select day_start, order_type, store_code, product_id, quantity from return_rate_shipped_day",
				"select day_start, return_type, store_code, product_id, reason, quantity, amount, returnless_quantity, returnless_amount from return_rate_returned_day");
		List<List<Map<String, Object>>> before = tables.stream()
			.map((table) -> this.jdbc.queryForList(table + " order by 1, 2, 3, 4, 5"))
			.toList();
		assertThat(before).allSatisfy((rows) -> assertThat(rows).isNotEmpty());

		this.jdbc.update("update return_rate_shipped set quantity = quantity + 1");
		this.jdbc.update("delete from return_rate_returned_day");
		this.summary.rebuild();

		assertThat(tables.stream().map((table) -> this.jdbc.queryForList(table + " order by 1, 2, 3, 4, 5")).toList())
			.isEqualTo(before);
		assertThat(summaryAndRawReports())
			.allSatisfy((pair) -> assertThat(pair[0]).as(pair[2].toString()).isEqualTo(pair[1]));
	}

	/** For each case: the summary-based report, the raw one and what the case is. */
	private List<Object[]> summaryAndRawReports() {
		List<Object[]> pairs = new ArrayList<>();
		for (String period : PERIODS) {
			LocalDate from = LocalDate.parse(period.split(" ")[0]);
			LocalDate to = LocalDate.parse(period.split(" ")[1]);
			for (ReportGrouping grouping : ReportGrouping.values()) {
				for (String store : new String[] { null, this.north.getCode() }) {
					for (boolean supplier : new boolean[] { false, true }) {
						pairs.add(new Object[] { this.report.report(from, to, grouping, supplier, store),
								this.report.reportFromRawRows(from, to, grouping, supplier, store),
								"%s %s store %s supplier %s".formatted(period, grouping, store, supplier) });
					}
				}
			}
		}
		assertThat(pairs).hasSize(PERIODS.size() * 4 * 2 * 2);
		assertThat(pairs).anySatisfy((pair) -> assertThat((List<?>) pair[0]).hasSizeGreaterThan(1));
		return pairs;
	}

	private void keptAt(String localTime, TradeOrder order, String reason, Object... skuAndQuantity) {
		at(this.clock, localTime, () -> {
			String number = this.driver.request(order.getNumber(), reason, "REFUND", skuAndQuantity);
			this.driver.approveAndConfirmReturnless(number);
			return number;
		});
	}

	private void confirmedAt(String localTime, TradeOrder order, String reason, Object... skuAndQuantity) {
		at(this.clock, localTime, () -> {
			String number = this.driver.request(order.getNumber(), reason, "REFUND", skuAndQuantity);
			this.driver.approveProcessAndConfirm(number, "CASH", BigDecimal.ZERO, null);
			return number;
		});
	}

}
