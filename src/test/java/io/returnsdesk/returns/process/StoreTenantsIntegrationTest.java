package io.returnsdesk.returns.process;

import io.returnsdesk.support.IntegrationTest;

/**
 * {@link StoreTenantsChecks} on PostgreSQL.
 */
@IntegrationTest
class StoreTenantsIntegrationTest extends StoreTenantsChecks {

}
