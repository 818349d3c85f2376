package io.returnsdesk.returns.process;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@link StoreTenantsChecks} on H2, the zero-setup default database (the one context of
 * {@link LifecycleOnH2IntegrationTest}).
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:lifecycle;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class StoreTenantsOnH2IntegrationTest extends StoreTenantsChecks {

}
