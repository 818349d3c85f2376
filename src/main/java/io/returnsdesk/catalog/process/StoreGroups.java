package io.returnsdesk.catalog.process;

import io.returnsdesk.catalog.Store;
import io.returnsdesk.catalog.StoreScope;
import io.returnsdesk.catalog.Stores;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Per store, the group that binds its members to the store ({@code storeS01}, of type
 * {@value StoreScope#GROUP_TYPE}) and the engine's tenant of the store's returns (id the
 * store's code), the group a member of the tenant: an administrator binds a user to a
 * store by adding them to its group, in Camunda Admin. Made sure of at every start, after
 * the demo's seeding (nothing else is touched).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class StoreGroups implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(StoreGroups.class);

	private final Stores stores;

	private final IdentityService identity;

	StoreGroups(Stores stores, IdentityService identity) {
		this.stores = stores;
		this.identity = identity;
	}

	@Override
	public void run(ApplicationArguments args) {
		ensureAll();
	}

	/** A group and a tenant for every store, the group in the tenant. */
	public void ensureAll() {
		int added = 0;
		for (Store store : this.stores.findAll()) {
			added += ensure(store);
		}
		if (added > 0) {
			log.info("Made {} store groups and tenants", added);
		}
	}

	private int ensure(Store store) {
		int added = 0;
		String groupId = StoreScope.groupOf(store.getCode());
		if (this.identity.createGroupQuery().groupId(groupId).count() == 0) {
			Group group = this.identity.newGroup(groupId);
			group.setName("Store 门店 " + store.getCode() + " " + store.getName());
			group.setType(StoreScope.GROUP_TYPE);
			this.identity.saveGroup(group);
			added++;
		}
		if (this.identity.createTenantQuery().tenantId(store.getCode()).count() == 0) {
			Tenant tenant = this.identity.newTenant(store.getCode());
			tenant.setName(store.getName());
			this.identity.saveTenant(tenant);
			added++;
		}
		if (this.identity.createTenantQuery().tenantId(store.getCode()).groupMember(groupId).count() == 0) {
			this.identity.createTenantGroupMembership(store.getCode(), groupId);
		}
		return added;
	}

}
