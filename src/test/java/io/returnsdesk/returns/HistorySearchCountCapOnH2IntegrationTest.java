package io.returnsdesk.returns;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The history search's count cap on the zero-setup default database, which runs the same
 * queries without trigram indexes.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:searchcap;DB_CLOSE_DELAY=-1",
		HistorySearchCountCapScenarios.SETTINGS })
@ActiveProfiles("test")
class HistorySearchCountCapOnH2IntegrationTest extends HistorySearchCountCapScenarios {

}
