package io.returnsdesk.web;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Customer self-service on the zero-setup default database. */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:selfservice;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@AutoConfigureMockMvc
class PublicReturnsOnH2IntegrationTest extends PublicReturnsChecks {

}
