package io.returnsdesk.reporting;

import io.returnsdesk.support.PostgresInitializer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report's summary on PostgreSQL, in a database of its own.
 */
@SpringBootTest
@ActiveProfiles("test")
@ContextConfiguration(initializers = ReturnRateSummaryIntegrationTest.SummaryDatabase.class)
class ReturnRateSummaryIntegrationTest extends ReturnRateSummaryChecks {

	@Test
	void aRebuildLeavesThePlannerStatisticsOfTheNewRows() {
		this.summary.rebuild();

		// the tables hold a few rows here: analysed, each has its count in pg_class
		for (String table : ReturnRateSummary.SUMMARY_TABLES) {
			assertThat(this.jdbc.queryForObject("select reltuples from pg_class where relname = ?", Float.class, table))
				.as(table)
				.isEqualTo(this.jdbc.queryForObject("select count(*) from " + table, Integer.class).floatValue());
		}
	}

	static class SummaryDatabase extends PostgresInitializer {

		SummaryDatabase() {
			super("summary");
		}

	}

}
