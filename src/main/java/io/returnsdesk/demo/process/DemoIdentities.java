package io.returnsdesk.demo.process;

import java.util.List;
import java.util.Map;

import io.returnsdesk.catalog.StoreScope;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;

import org.springframework.stereotype.Component;

/**
 * The demo users of DESIGN.md, each with password {@code demo} and in its group (and
 * {@code sales1} and {@code warehouse1} in store S01's), and a Tasklist filter per group.
 * The groups and what they may do are the application's own (made at every start, in
 * every profile). Safe to run at every start.
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

	/** group, filter name: one Tasklist filter per group, in this order */
	private static final List<String[]> FILTERS = List.of(new String[] { "approvers", "Approvals 退货审批" },
			new String[] { "managers", "Manager approvals 经理审批" },
			new String[] { "warehouse", "Returns to process 退货处理" },
			new String[] { "finance", "Returns to confirm 退货确认" }, new String[] { "sales", "Returns to revise 退货修改" },
			new String[] { "analysts", "Reviews 退货率复核" });

	/** What Tasklist's list shows of each task, so that tasks can be told apart. */
	private static final List<Map<String, String>> DISPLAYED_VARIABLES = List.of(
			Map.of("name", "returnNumber", "label", "Return 退货单"), Map.of("name", "partyName", "label", "Party 客户/供应商"),
			Map.of("name", "totalAmount", "label", "Amount 金额"));

	private final IdentityService identity;

	private final FilterService filters;

	private final TaskService tasks;

	DemoIdentities(IdentityService identity, FilterService filters, TaskService tasks) {
		this.identity = identity;
		this.filters = filters;
		this.tasks = tasks;
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
		ensureFilters();
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

	private void ensureFilters() {
		for (int i = 0; i < FILTERS.size(); i++) {
			String group = FILTERS.get(i)[0];
			String name = FILTERS.get(i)[1];
			if (this.filters.createFilterQuery().filterName(name).count() == 0) {
				// the requester's revisions are assigned to them; the other tasks wait
				// for a group
				TaskQuery query = group.equals("sales")
						? this.tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")
						: this.tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks();
				Filter filter = this.filters.newTaskFilter(name)
					.setQuery(query)
					.setProperties(Map.of("description", "Open tasks of the group " + group, "priority", i - 10,
							"refresh", true, "variables", DISPLAYED_VARIABLES));
				this.filters.saveFilter(filter);
			}
		}
	}

}
