package io.returnsdesk.returns;

import io.returnsdesk.support.IntegrationTest;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;

/**
 * {@link ExchangeChecks} on PostgreSQL.
 */
@IntegrationTest
@AutoConfigureMockMvc
class ExchangeForAnotherArticleIntegrationTest extends ExchangeChecks {

}
