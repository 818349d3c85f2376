package io.returnsdesk.returns;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@link ExchangeChecks} on H2, the zero-setup default database.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:exchange;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@AutoConfigureMockMvc
class ExchangeForAnotherArticleOnH2IntegrationTest extends ExchangeChecks {

}
