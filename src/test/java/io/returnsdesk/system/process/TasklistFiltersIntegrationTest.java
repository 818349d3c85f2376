package io.returnsdesk.system.process;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import io.returnsdesk.engine.EngineTime;
import io.returnsdesk.support.IntegrationTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roles' shared Tasklist filters as an earlier version left them (every group reading
 * every filter, the reviews' filter under its old name, a filter made twice, none sorted)
 * are corrected at start, and a second start changes nothing: one filter per role, each
 * seen only by its group, soonest due first.
 */
@IntegrationTest
class TasklistFiltersIntegrationTest {

	static final List<String> NAMES = TasklistFilters.ROLES.stream().map(TasklistFilters.Role::name).toList();

	@Autowired
	EngineAuthorizations engineAuthorizations;

	@Autowired
	FilterService filters;

	@Autowired
	TaskService tasks;

	@Autowired
	AuthorizationService authorizations;

	@Autowired
	IdentityService identity;

	final List<String> standaloneTasks = new ArrayList<>();

	@AfterEach
	void cleanUp() {
		this.identity.clearAuthentication();
		this.standaloneTasks.forEach((id) -> this.tasks.deleteTask(id, true));
	}

	@Test
	void anEarlierVersionsFiltersAreCorrectedOnceAndEachGroupSeesOnlyItsOwn() {
		asAnEarlierVersionLeftThem();

		// two starts
		this.engineAuthorizations.ensure();
		this.engineAuthorizations.ensure();

		assertThat(sharedFilters()).extracting(Filter::getName).containsExactlyInAnyOrderElementsOf(NAMES);
		Filter approvals = shared("Approvals 退货审批");
		assertThat(approvals.getProperties()).containsEntry("priority", 2)
			.containsEntry("variables",
					List.of(Map.of("name", "returnNumber", "label", "Return 退货单"),
							Map.of("name", "partyName", "label", "Party 客户/供应商"),
							Map.of("name", "totalAmount", "label", "Amount (CNY) 金额（元）")));
		assertThat(shared("Return-rate reviews 退货率复核").getProperties().get("variables"))
			.isEqualTo(List.of(Map.of("name", "subject", "label", "Product or store 商品/门店"),
					Map.of("name", "returnRateText", "label", "Return rate 退货率")));
		assertThat(this.authorizations.createAuthorizationQuery()
			.groupIdIn("warehouse")
			.resourceType(Resources.FILTER)
			.resourceId(Authorization.ANY)
			.count()).as("every filter to the warehouse: taken back").isZero();

		// each sees their own group's filters only; a manager, also an approver, theirs
		// first
		assertThat(visibleTo("tlfwarehouse", "warehouse")).containsExactly("Returns to process 退货处理");
		assertThat(visibleTo("tlfsales", "sales")).containsExactly("Returns to revise 退货修改");
		assertThat(visibleTo("tlfmanager", "managers", "approvers")).containsExactly("Manager approvals 经理审批",
				"Approvals 退货审批");
		assertThat(visibleTo("tlfanalyst", "analysts")).containsExactly("Return-rate reviews 退货率复核");
	}

	@Test
	void aRolesFilterListsItsGroupsTasksSoonestDueFirstThenOldestFirst() {
		Instant now = Instant.now();
		String later = financeTask("tlf-due-later", now.plus(Duration.ofDays(3)), now.minus(Duration.ofHours(3)));
		// the same due date: the older first
		String soonerOlder = financeTask("tlf-due-sooner-a", now.plus(Duration.ofDays(1)),
				now.minus(Duration.ofHours(2)));
		String soonerNewer = financeTask("tlf-due-sooner-b", now.plus(Duration.ofDays(1)),
				now.minus(Duration.ofHours(1)));
		String otherGroup = standalone("tlf-warehouse", now, now, "warehouse");

		List<Task> found = this.filters.list(shared("Returns to confirm 退货确认").getId(),
				this.tasks.createTaskQuery().taskNameLike("tlf-%"));
		List<String> listed = found.stream().map(Task::getId).toList();

		assertThat(listed).doesNotContain(otherGroup);
		assertThat(listed).containsExactly(soonerOlder, soonerNewer, later);
	}

	private void asAnEarlierVersionLeftThem() {
		Authorization everyFilter = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		everyFilter.setGroupId("warehouse");
		everyFilter.setResource(Resources.FILTER);
		everyFilter.setResourceId(Authorization.ANY);
		everyFilter.addPermission(Permissions.READ);
		if (this.authorizations.createAuthorizationQuery()
			.groupIdIn("warehouse")
			.resourceType(Resources.FILTER)
			.resourceId(Authorization.ANY)
			.count() == 0) {
			this.authorizations.saveAuthorization(everyFilter);
		}
		this.filters.deleteFilter(shared("Return-rate reviews 退货率复核").getId());
		for (String name : List.of("Reviews 退货率复核", "Approvals 退货审批")) {
			this.filters.saveFilter(this.filters.newTaskFilter(name)
				.setQuery(this.tasks.createTaskQuery().taskCandidateGroup("approvers").includeAssignedTasks())
				.setProperties(Map.of("priority", -10, "refresh", true)));
		}
		assertThat(sharedFilters()).extracting(Filter::getName)
			.contains("Reviews 退货率复核")
			.filteredOn("Approvals 退货审批"::equals)
			.hasSize(2);
	}

	private List<Filter> sharedFilters() {
		return this.filters.createTaskFilterQuery()
			.list()
			.stream()
			.filter((filter) -> filter.getOwner() == null)
			.toList();
	}

	private Filter shared(String name) {
		List<Filter> found = sharedFilters().stream().filter((filter) -> filter.getName().equals(name)).toList();
		assertThat(found).as(name).hasSize(1);
		return found.get(0);
	}

	/** The filters a user of the groups sees, in Tasklist's order (by priority). */
	private List<String> visibleTo(String user, String... groups) {
		this.identity.setAuthentication(user, List.of(groups));
		try {
			return this.filters.createTaskFilterQuery()
				.list()
				.stream()
				.sorted((a, b) -> Integer.compare(((Number) a.getProperties().get("priority")).intValue(),
						((Number) b.getProperties().get("priority")).intValue()))
				.map(Filter::getName)
				.toList();
		}
		finally {
			this.identity.clearAuthentication();
		}
	}

	private String financeTask(String name, Instant due, Instant created) {
		return standalone(name, due, created, "finance");
	}

	/** A task of no process for the group, created at the given time. */
	private String standalone(String name, Instant due, Instant created, String group) {
		EngineTime.set(created);
		try {
			Task task = this.tasks.newTask();
			task.setName(name);
			task.setDueDate(Date.from(due));
			this.tasks.saveTask(task);
			this.tasks.addCandidateGroup(task.getId(), group);
			this.standaloneTasks.add(task.getId());
			return task.getId();
		}
		finally {
			EngineTime.reset();
		}
	}

}
