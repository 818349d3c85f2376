package io.returnsdesk.demo.process;

import java.util.List;

import io.returnsdesk.catalog.StoreScope;
import io.returnsdesk.system.RoleFilters;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

import org.springframework.stereotype.Component;

/**
 * The demo users of DESIGN.md, each with password {@code demo} and in its group (and
 * {@code sales1} and {@code warehouse1} in store S01's), and the Tasklist filter of each
 * group. The groups, what they may do and their filters are the application's own (made
 * at every start, in every profile: {@link RoleFilters}). Safe to run at every start.
 */
@Component
class DemoIdentities {

	static final String PASSWORD = "demo";

	/** The store that the store-bound demo users work for. */
	static final String STORE = "S01";

	/** group id, demo user, user's first and last name, other groups of the user */
	private static final List<String[]> PEOPLE = List.of(new String[] { "sales", "sales", "Li", "Na (sales)" },
			new String[] { "approvers", "approver", "Wang", "Fang (approver)" },
			new String[] { "managers", "manager", "Zhang", "Wei (manager)", "approvers" },
			new String[] { "warehouse", "warehouse", "Chen", "Jie (warehouse)" },
			new String[] { "finance", "finance", "Liu", "Yang (finance)" },
			new String[] { "analysts", "analyst", "Zhao", "Min (analyst)" },
			new String[] { "camunda-admin", "admin", "Admin", "Istrator" },
			// bound to one store: they see and act on nothing of another
			new String[] { "sales", "sales1", "Sun", "Li (sales, S01)", StoreScope.groupOf(STORE) },
			new String[] { "warehouse", "warehouse1", "Zhou", "Qiang (warehouse, S01)", StoreScope.groupOf(STORE) });

	private final IdentityService identity;

	private final RoleFilters filters;

	DemoIdentities(IdentityService identity, RoleFilters filters) {
		this.identity = identity;
		this.filters = filters;
	}

	/** The demo users' ids, in the order of the README's table. */
	static List<String> users() {
		return PEOPLE.stream().map((person) -> person[1]).toList();
	}

	void ensure() {
		for (String[] person : PEOPLE) {
			ensureUser(person[1], person[2], person[3]);
			ensureMembership(person[1], person[0]);
			for (int i = 4; i < person.length; i++) {
				ensureMembership(person[1], person[i]);
			}
		}
		this.filters.ensure();
	}

	private void ensureUser(String id, String firstName, String lastName) {
		if (this.identity.createUserQuery().userId(id).count() == 0) {
			User user = this.identity.newUser(id);
			user.setFirstName(firstName);
			user.setLastName(lastName);
			user.setEmail(id + "@returnsdesk.example.com");
			user.setPassword(PASSWORD);
			this.identity.saveUser(user);
		}
	}

	private void ensureMembership(String user, String group) {
		// the store's group, should the demo come before the stores' upkeep
		if (group.startsWith(StoreScope.GROUP_PREFIX) && this.identity.createGroupQuery().groupId(group).count() == 0) {
			Group store = this.identity.newGroup(group);
			store.setName("Store 门店 " + STORE);
			store.setType(StoreScope.GROUP_TYPE);
			this.identity.saveGroup(store);
		}
		if (this.identity.createUserQuery().userId(user).memberOfGroup(group).count() == 0) {
			this.identity.createMembership(user, group);
		}
	}

}
