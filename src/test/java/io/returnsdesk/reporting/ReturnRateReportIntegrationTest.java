package io.returnsdesk.reporting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.returnsdesk.catalog.Product;
import io.returnsdesk.returns.ReturnRequests;
import io.returnsdesk.sales.TradeOrder;
import io.returnsdesk.support.PostgresInitializer;
import io.returnsdesk.support.ReturnDriver;
import io.returnsdesk.support.TestFixtures;
import io.returnsdesk.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

import static io.returnsdesk.support.Logins.as;
import static io.returnsdesk.support.TestFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Return rates against figures worked out by hand from a small fixed data set of its own
 * database: partial returns, a withdrawn and a pending return that do not count, a
 * product just at 5 % and one just above (counting the units that came back, not those
 * asked for), a returnless refund whose units the customer kept (counted as returned, and
 * apart), and a supplier return reported apart.
 *
 * <pre>
 * product  price  shipped (store)            returned (confirmed)            rate
 * A        10.00  20 TS + 20 TS2 = 40        2 DEFECTIVE                     0.0500 not flagged
 * B        20.00  20 TS2                     0 (5 pending, not counted)      0.0000
 * C         5.00  100 TS                     4 DAMAGED + 2 WRONG_ITEM = 6    0.0600 flagged
 *                                            (the 2 WRONG_ITEM kept: returnless)
 * D         1.00  1000 TS2                   51 NOT_AS_DESCRIBED             0.0510 flagged
 *                                            (53 asked, 51 came back)
 *                                            (C: 3 more withdrawn, not counted)
 * supplier: A 50 received, 5 sent back      0.1000 flagged
 * </pre>
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ContextConfiguration(initializers = ReturnRateReportIntegrationTest.ReportDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReturnRateReportIntegrationTest {

	static final String USER = "reporter";

	/** A database of its own, so that the totals are this data set's alone. */
	static class ReportDatabase extends PostgresInitializer {

		ReportDatabase() {
			super("reports");
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReturnDriver driver;

	@Autowired
	ReturnRequests requests;

	@Autowired
	TestUsers users;

	@Autowired
	ReturnRateReport report;

	@Autowired
	ReturnRateSummary summary;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	Product a;

	Product b;

	Product c;

	Product d;

	boolean shipped;

	// once for the class, but inside a test: the process coverage records runs of tests
	// only
	@BeforeEach
	void shipAndReturn() {
		if (this.shipped) {
			return;
		}
		this.shipped = true;
		this.users.ensure(USER, TestUsers.PASSWORD, "analysts");
		this.a = this.fixtures.product("10.00", 100);
		this.b = this.fixtures.product("20.00", 100);
		this.c = this.fixtures.product("5.00", 200);
		this.d = this.fixtures.product("1.00", 2000);
		TradeOrder o1 = this.fixtures.shippedSale("TS", 5, line(this.a, 20));
		TradeOrder o2 = this.fixtures.shippedSale("TS2", 5, line(this.a, 20), line(this.b, 20));
		TradeOrder o3 = this.fixtures.shippedSale("TS", 4, line(this.c, 100));
		TradeOrder o4 = this.fixtures.shippedSale("TS2", 3, line(this.d, 1000));
		confirmed(o1, "DEFECTIVE", this.a, 2);
		confirmed(o3, "DAMAGED", this.c, 4);
		// a wrong item below 30.00 a unit: the customer keeps it
		// (processes/returnlessRefund.dmn)
		String kept = this.driver.request(o3.getNumber(), "WRONG_ITEM", "REFUND", this.c.getSku(), 2);
		this.driver.approveAndConfirmReturnless(kept);
		confirmed(o4, "NOT_AS_DESCRIBED", this.d, 53, 51);
		String withdrawn = this.driver.request(o3.getNumber(), "DAMAGED", "REFUND", this.c.getSku(), 3);
		this.driver.reject(withdrawn, "Not ours");
		this.requests.withdraw(withdrawn, ReturnDriver.CLERK);
		this.driver.request(o2.getNumber(), "DAMAGED", "REFUND", this.b.getSku(), 5);
		TradeOrder purchase = this.fixtures.receivedPurchase(2, line(this.a, 50, "6.00"));
		confirmed(purchase, "DEFECTIVE", this.a, 5);
	}

	private void confirmed(TradeOrder order, String reason, Product product, int quantity) {
		confirmed(order, reason, product, quantity, quantity);
	}

	private void confirmed(TradeOrder order, String reason, Product product, int asked, int received) {
		String number = this.driver.request(order.getNumber(), reason, "REFUND", product.getSku(), asked);
		this.driver.approveProcessAndConfirm(number, "CASH", BigDecimal.ZERO,
				ReturnDriver.receipt("{\"1\": %d}".formatted(received), null, null));
	}

	@Test
	void ratesProductsWorstFirstFlaggingOnlyWhatIsAboveFivePercent() throws Exception {
		this.mvc.perform(as(USER, get("/api/reports/returns")).param("groupBy", "product"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].key")
				.value(contains(this.c.getSku(), this.d.getSku(), this.a.getSku(), this.b.getSku())))
			.andExpect(jsonPath("$[*].shippedQuantity").value(contains(100, 1000, 40, 20)))
			.andExpect(jsonPath("$[*].returnedQuantity").value(contains(6, 51, 2, 0)))
			.andExpect(jsonPath("$[*].returnRate").value(contains(0.06, 0.051, 0.05, 0.0)))
			.andExpect(jsonPath("$[*].returnAmount").value(contains(30.0, 51.0, 20.0, 0.0)))
			.andExpect(jsonPath("$[*].returnlessQuantity").value(contains(2, 0, 0, 0)))
			.andExpect(jsonPath("$[*].returnlessAmount").value(contains(10.0, 0.0, 0.0, 0.0)))
			.andExpect(jsonPath("$[*].flagged").value(contains(true, true, false, false)))
			.andExpect(jsonPath("$[0].label").value(this.c.getName()));
	}

	@Test
	void ratesStoresAndReasons() {
		LocalDate today = LocalDate.now(this.clock);
		List<ReturnRateRow> stores = this.report.report(today.minusDays(10), today, ReportGrouping.STORE, false, null);
		assertThat(stores)
			.extracting(ReturnRateRow::key, ReturnRateRow::shippedQuantity, ReturnRateRow::returnedQuantity,
					ReturnRateRow::flagged)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("TS", 120L, 8L, true),
					org.assertj.core.groups.Tuple.tuple("TS2", 1040L, 51L, false));
		assertThat(stores.get(0).returnRate()).isEqualByComparingTo("0.0667");
		assertThat(stores.get(0).returnAmount()).isEqualByComparingTo("50.00");
		assertThat(stores).extracting(ReturnRateRow::returnlessQuantity).containsExactly(2L, 0L);
		assertThat(stores.get(0).returnlessAmount()).isEqualByComparingTo("10.00");

		List<ReturnRateRow> reasons = this.report.report(today.minusDays(10), today, ReportGrouping.REASON, false,
				null);
		assertThat(reasons).extracting(ReturnRateRow::key, ReturnRateRow::returnedQuantity)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("NOT_AS_DESCRIBED", 51L),
					org.assertj.core.groups.Tuple.tuple("DAMAGED", 4L),
					org.assertj.core.groups.Tuple.tuple("DEFECTIVE", 2L),
					org.assertj.core.groups.Tuple.tuple("WRONG_ITEM", 2L));
		assertThat(reasons).extracting(ReturnRateRow::key, ReturnRateRow::returnlessQuantity)
			.contains(org.assertj.core.groups.Tuple.tuple("WRONG_ITEM", 2L),
					org.assertj.core.groups.Tuple.tuple("DAMAGED", 0L));
		assertThat(reasons).allSatisfy((row) -> assertThat(row.shippedQuantity()).isEqualTo(1160));
		assertThat(reasons.get(0).returnRate()).isEqualByComparingTo("0.0440");
	}

	@Test
	void monthsAddUpToThePeriodAndSupplierReturnsStandApart() {
		LocalDate today = LocalDate.now(this.clock);
		List<ReturnRateRow> months = this.report.report(today.minusDays(10), today, ReportGrouping.MONTH, false, null);
		assertThat(this.report.report(today.minusDays(10), today, ReportGrouping.PRODUCT, false, "TS2"))
			.extracting(ReturnRateRow::key, ReturnRateRow::shippedQuantity, ReturnRateRow::returnedQuantity)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(this.d.getSku(), 1000L, 51L),
					org.assertj.core.groups.Tuple.tuple(this.a.getSku(), 20L, 0L),
					org.assertj.core.groups.Tuple.tuple(this.b.getSku(), 20L, 0L));
		assertThat(months).extracting(ReturnRateRow::key).last().isEqualTo(today.toString().substring(0, 7));
		assertThat(months.stream().mapToLong(ReturnRateRow::shippedQuantity).sum()).isEqualTo(1160);
		assertThat(months.stream().mapToLong(ReturnRateRow::returnedQuantity).sum()).isEqualTo(59);
		assertThat(months.stream().mapToLong(ReturnRateRow::returnlessQuantity).sum()).isEqualTo(2);

		List<ReturnRateRow> supplier = this.report.report(today.minusDays(10), today, ReportGrouping.PRODUCT, true,
				null);
		assertThat(supplier).singleElement().satisfies((row) -> {
			assertThat(row.key()).isEqualTo(this.a.getSku());
			assertThat(row.shippedQuantity()).isEqualTo(50);
			assertThat(row.returnedQuantity()).isEqualTo(5);
			assertThat(row.returnRate()).isEqualByComparingTo("0.1000");
			assertThat(row.returnAmount()).isEqualByComparingTo("30.00");
			assertThat(row.returnlessQuantity()).isZero();
			assertThat(row.flagged()).isTrue();
		});
	}

	@Test
	void countsTheUnitsACustomerKeptApartFromThoseThatCameBackAlsoAfterARebuild() {
		LocalDate today = LocalDate.now(this.clock);
		// kept up by the confirmations' transactions
		assertThat(returnedOfC(today)).isEqualTo(new long[] { 4, 2 });
		assertThat(this.report.report(today.minusDays(10), today, ReportGrouping.PRODUCT, false, null))
			.isEqualTo(this.report.reportFromRawRows(today.minusDays(10), today, ReportGrouping.PRODUCT, false, null));

		this.summary.rebuild();

		assertThat(returnedOfC(today)).isEqualTo(new long[] { 4, 2 });
		assertThat(this.report.report(today.minusDays(10), today, ReportGrouping.PRODUCT, false, null))
			.filteredOn((row) -> row.key().equals(this.c.getSku()))
			.singleElement()
			.satisfies((row) -> {
				assertThat(row.returnedQuantity()).isEqualTo(6);
				assertThat(row.returnlessQuantity()).isEqualTo(2);
				assertThat(row.returnAmount()).isEqualByComparingTo("30.00");
				assertThat(row.returnlessAmount()).isEqualByComparingTo("10.00");
			});
	}

	/**
	 * The summary's units of product C received and kept by the customer, over the days.
	 */
	private long[] returnedOfC(LocalDate today) {
		return this.jdbc.queryForObject("""
				select sum(quantity), sum(returnless_quantity) from return_rate_returned_day
				where day_start >= ? and store_code = '' and product_id = ? and reason = ''""",
				(row, i) -> new long[] { row.getLong(1), row.getLong(2) }, java.sql.Date.valueOf(today.minusDays(10)),
				this.c.getId());
	}

	@Test
	void refusesPeriodsAndGroupingsItCannotReport() throws Exception {
		this.mvc.perform(as(USER, get("/api/reports/returns")).param("groupBy", "week"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("'week' is not a grouping; choose product, store, reason or month"));
		this.mvc.perform(as(USER, get("/api/reports/returns")).param("from", "2026-11-20").param("to", "2026-11-01"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("to"));
		this.mvc.perform(as(USER, get("/api/reports/returns")).param("from", "yesterday"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("is not a date")));
	}

}
