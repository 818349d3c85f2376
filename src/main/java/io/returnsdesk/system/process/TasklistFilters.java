package io.returnsdesk.system.process;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.returnsdesk.system.RoleFilters;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * One shared Tasklist filter per role, seen only by its group: each lists the group's
 * open tasks (a store-bound user's stores' only: the engine's tenant check), soonest due
 * first, then oldest, and its cards show which return (or which review) a task is about.
 * Made at every start, in every profile; filters made by an earlier version of the
 * application (found by name, shared, so owned by no one) are brought up to date, and
 * duplicates of one are removed, so that two starts, or two nodes, leave one filter per
 * role.
 */
@Component
class TasklistFilters implements RoleFilters {

	private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

	/**
	 * Which setting of the filters this version makes: a filter that carries it is left
	 * alone at the next start.
	 */
	static final String VERSION_PROPERTY = "returnsDeskVersion";

	static final int VERSION = 2;

	/** What a return's card shows (variables of the returnRequest tasks). */
	private static final List<Map<String, String>> RETURN_CARD = List.of(
			Map.of("name", "returnNumber", "label", "Return 退货单"), Map.of("name", "partyName", "label", "Party 客户/供应商"),
			Map.of("name", "totalAmount", "label", "Amount (CNY) 金额（元）"));

	/** What a review's card shows (variables of the returnRateReview tasks). */
	private static final List<Map<String, String>> REVIEW_CARD = List.of(
			Map.of("name", "subject", "label", "Product or store 商品/门店"),
			Map.of("name", "returnRateText", "label", "Return rate 退货率"));

	/**
	 * A role's filter: its group, name, description and card. Listed in the order
	 * Tasklist shows them: a manager, also an approver, finds their own first.
	 */
	record Role(String group, String name, String description, List<Map<String, String>> card) {

	}

	static final List<Role> ROLES = List.of(
			new Role("managers", "Manager approvals 经理审批",
					"Returns the policy sends to a manager for approval 按退货策略需经理审批的退货", RETURN_CARD),
			new Role("approvers", "Approvals 退货审批", "Returns waiting for approval 待审批的退货", RETURN_CARD),
			new Role("warehouse", "Returns to process 退货处理",
					"Approved returns: record what came back and the refund 已批准的退货：登记实收货物与退款", RETURN_CARD),
			new Role("finance", "Returns to confirm 退货确认",
					"Processed returns: check and confirm, or send back 已处理的退货：核对后确认或退回", RETURN_CARD),
			new Role("sales", "Returns to revise 退货修改",
					"Your rejected requests: revise and resubmit, or withdraw 您被驳回的申请：修改后重新提交或撤回", RETURN_CARD),
			new Role("analysts", "Return-rate reviews 退货率复核",
					"Products and stores whose return rate is above the threshold 退货率超过阈值的商品和门店", REVIEW_CARD));

	/** Names the filters had in earlier versions, by group. */
	private static final Map<String, List<String>> FORMER_NAMES = Map.of("analysts", List.of("Reviews 退货率复核"));

	private final FilterService filters;

	private final TaskService tasks;

	private final AuthorizationService authorizations;

	TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
		this.filters = filters;
		this.tasks = tasks;
		this.authorizations = authorizations;
	}

	@Override
	public void ensure() {
		int changed = 0;
		for (int i = 0; i < ROLES.size(); i++) {
			changed += ensure(ROLES.get(i), i + 1);
		}
		if (changed > 0) {
			log.info("Set up {} Tasklist filter(s)", changed);
		}
	}

	private int ensure(Role role, int priority) {
		List<Filter> found = shared(role);
		Filter filter = found.isEmpty() ? this.filters.newTaskFilter(role.name()) : found.get(0);
		// two nodes started at once may each have made one
		found.stream().skip(1).forEach((duplicate) -> this.filters.deleteFilter(duplicate.getId()));
		int changed = found.size() > 1 ? 1 : 0;
		Object version = (filter.getProperties() != null) ? filter.getProperties().get(VERSION_PROPERTY) : null;
		if (!found.isEmpty() && Integer.valueOf(VERSION).equals(version) && role.name().equals(filter.getName())) {
			grant(filter.getId(), role.group());
			return changed;
		}
		filter.setName(role.name());
		filter.setQuery(query(role.group()));
		filter.setProperties(Map.of("description", role.description(), "priority", priority, "refresh", true,
				"variables", role.card(), VERSION_PROPERTY, VERSION));
		this.filters.saveFilter(filter);
		grant(filter.getId(), role.group());
		return changed + 1;
	}

	/** The shared filters of the role, by its name or a former one, oldest first. */
	private List<Filter> shared(Role role) {
		List<String> names = new java.util.ArrayList<>(List.of(role.name()));
		names.addAll(FORMER_NAMES.getOrDefault(role.group(), List.of()));
		return names.stream()
			.flatMap((name) -> this.filters.createTaskFilterQuery().filterName(name).list().stream())
			.filter((filter) -> filter.getOwner() == null)
			.sorted(Comparator.comparing((Filter filter) -> !role.name().equals(filter.getName())))
			.toList();
	}

	private TaskQuery query(String group) {
		// a rejected request waits for whoever asked for it; the other steps for a group
		TaskQuery query = group.equals("sales")
				? this.tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")
				: this.tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks();
		return query.orderByDueDate().asc().orderByTaskCreateTime().asc();
	}

	/** Lets the group, and no other, see the filter. */
	private void grant(String filterId, String group) {
		Authorization grant = this.authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.groupIdIn(group)
			.resourceType(Resources.FILTER)
			.resourceId(filterId)
			.singleResult();
		if (grant != null && grant.isPermissionGranted(Permissions.READ)) {
			return;
		}
		if (grant == null) {
			grant = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			grant.setGroupId(group);
			grant.setResource(Resources.FILTER);
			grant.setResourceId(filterId);
		}
		grant.addPermission(Permissions.READ);
		this.authorizations.saveAuthorization(grant);
	}

	/**
	 * Takes back what earlier versions granted: every group could read every filter, so
	 * the warehouse landed on the approvers' empty filter.
	 */
	void withdrawEveryFilterGrant(String group) {
		Authorization everyFilter = this.authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.groupIdIn(group)
			.resourceType(Resources.FILTER)
			.resourceId(Authorization.ANY)
			.singleResult();
		if (everyFilter != null) {
			this.authorizations.deleteAuthorization(everyFilter.getId());
			log.info("The group {} no longer sees every Tasklist filter, only its own", group);
		}
	}

}
