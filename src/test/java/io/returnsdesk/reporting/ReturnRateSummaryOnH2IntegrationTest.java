package io.returnsdesk.reporting;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The report's summary on the zero-setup default database.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:summary;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class ReturnRateSummaryOnH2IntegrationTest extends ReturnRateSummaryChecks {

}
