package io.returnsdesk.returns;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V24 (returnless refunds in the reports) on a report summary of V23, on each database
 * the application runs on: the rows keep their units and value received and have no units
 * kept by customers, and the summary is built anew at the next start, so that a
 * returnless refund confirmed before V24 is counted too.
 */
class ReturnlessInReportsMigrationIntegrationTest {

	/**
	 * A month's and a day's returned rows and the state of a built summary, as of V23.
	 */
	static final String V23_SUMMARY = """
			insert into return_rate_returned (month_start, return_type, store_code, product_id, reason, quantity,
			        amount)
			    values ('2026-03-01', 'CUSTOMER', 'SH01', 1, '', 3, 1197.00);
			insert into return_rate_returned_day (day_start, return_type, store_code, product_id, reason, quantity,
			        amount)
			    values ('2026-03-04', 'CUSTOMER', 'SH01', 1, '', 3, 1197.00);
			insert into return_rate_summary_state (id, time_zone, built_at)
			    values (1, 'Asia/Shanghai', '2026-03-05 02:00:00+00');
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
	void keepsTheUnitsReceivedWithNoneKeptAndBuildsTheSummaryAnewAtTheNextStart(FreshDatabase database) {
		String name = "returnless_reports_" + databases.incrementAndGet();
		this.dataSource = database.open(name);
		this.drop = () -> database.drop(name);
		database.migrateTo(this.dataSource, "23", V23_SUMMARY);

		database.migrateToLatest(this.dataSource);

		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		for (String table : new String[] { "return_rate_returned", "return_rate_returned_day" }) {
			Map<String, Object> row = jdbc
				.queryForMap("select quantity, amount, returnless_quantity, returnless_amount from " + table);
			assertThat(row.values()).as(table)
				.containsExactly(3L, new BigDecimal("1197.00"), 0L, new BigDecimal("0.00"));
		}
		// kept: no rebuild at the next start
		assertThat(jdbc.queryForObject("select count(*) from return_rate_summary_state", Integer.class)).isOne();
	}

}
