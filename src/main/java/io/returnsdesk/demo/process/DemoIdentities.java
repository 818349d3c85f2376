package io.returnsdesk.demo.process;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;

import org.springframework.stereotype.Component;

/**
 * The demo users and groups of DESIGN.md, each with password {@code demo}, access to the
 * webapps, and a Tasklist filter per group. Safe to run at every start.
 */
@Component
class DemoIdentities {

	static final String PASSWORD = "demo";

	/**
	 * group id, group name, demo user, user's first and last name, other groups of the
	 * user
	 */
	private static final List<String[]> PEOPLE = List.of(
			new String[] { "sales", "Sales clerks 销售", "sales", "Li", "Na (sales)" },
			new String[] { "approvers", "Approvers 审批人", "approver", "Wang", "Fang (approver)" },
			new String[] { "managers", "Managers 经理", "manager", "Zhang", "Wei (manager)", "approvers" },
			new String[] { "warehouse", "Warehouse 仓库", "warehouse", "Chen", "Jie (warehouse)" },
			new String[] { "finance", "Finance 财务", "finance", "Liu", "Yang (finance)" },
			new String[] { "analysts", "Analysts 分析师", "analyst", "Zhao", "Min (analyst)" },
			new String[] { "camunda-admin", "Administrators 管理员", "admin", "Admin", "Istrator" });

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

	private final AuthorizationService authorizations;

	private final FilterService filters;

	private final TaskService tasks;

	DemoIdentities(IdentityService identity, AuthorizationService authorizations, FilterService filters,
			TaskService tasks) {
		this.identity = identity;
		this.authorizations = authorizations;
		this.filters = filters;
		this.tasks = tasks;
	}

	void ensure() {
		for (String[] person : PEOPLE) {
			ensureGroup(person[0], person[1]);
			ensureUser(person[2], person[3], person[4]);
			ensureMembership(person[2], person[0]);
			for (int i = 5; i < person.length; i++) {
				ensureMembership(person[2], person[i]);
			}
		}
		ensureWebappAccess();
		ensureFilters();
	}

	private void ensureGroup(String id, String name) {
		if (this.identity.createGroupQuery().groupId(id).count() == 0) {
			Group group = this.identity.newGroup(id);
			group.setName(name);
			group.setType(id.equals("camunda-admin") ? "SYSTEM" : "WORKFLOW");
			this.identity.saveGroup(group);
		}
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
		if (this.identity.createUserQuery().userId(user).memberOfGroup(group).count() == 0) {
			this.identity.createMembership(user, group);
		}
	}

	/**
	 * Every group may open Tasklist, analysts Cockpit too; administrators may do
	 * everything.
	 */
	private void ensureWebappAccess() {
		for (String[] person : PEOPLE) {
			String group = person[0];
			ensureApplicationAccess(group, group.equals("camunda-admin") ? "*" : "tasklist");
		}
		ensureApplicationAccess("analysts", "cockpit");
	}

	private void ensureApplicationAccess(String group, String application) {
		if (this.authorizations.createAuthorizationQuery()
			.groupIdIn(group)
			.resourceType(Resources.APPLICATION)
			.resourceId(application)
			.count() == 0) {
			Authorization grant = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			grant.setGroupId(group);
			grant.setResource(Resources.APPLICATION);
			grant.setResourceId(application);
			grant.addPermission(Permissions.ACCESS);
			this.authorizations.saveAuthorization(grant);
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
