package io.returnsdesk.web;

import io.returnsdesk.support.IntegrationTest;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;

/**
 * {@link AccessMatrixChecks} on PostgreSQL.
 */
@IntegrationTest
@AutoConfigureMockMvc
class AccessMatrixIntegrationTest extends AccessMatrixChecks {

}
