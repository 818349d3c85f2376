package io.returnsdesk.web;

import io.returnsdesk.support.IntegrationTest;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;

/** Customer self-service on PostgreSQL. */
@IntegrationTest
@AutoConfigureMockMvc
class PublicReturnsIntegrationTest extends PublicReturnsChecks {

}
