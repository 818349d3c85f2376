package io.returnsdesk.reporting;

import io.returnsdesk.support.PostgresInitializer;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The report's summary on PostgreSQL, in a database of its own.
 */
@SpringBootTest
@ActiveProfiles("test")
@ContextConfiguration(initializers = ReturnRateSummaryIntegrationTest.SummaryDatabase.class)
class ReturnRateSummaryIntegrationTest extends ReturnRateSummaryChecks {

	static class SummaryDatabase extends PostgresInitializer {

		SummaryDatabase() {
			super("summary");
		}

	}

}
