package io.returnsdesk.system.process;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The groups of DESIGN.md and what each may do in the engine, made sure of at every start
 * (missing groups and grants are added; of what earlier versions granted, only the grant
 * of every Tasklist filter to every group is taken back). Tasks need no grant here: the
 * engine grants each task to its candidate groups and assignee as it creates it, so a
 * group sees and works only its own tasks. Analysts read definitions, instances and
 * history (Cockpit) and may start the return-rate review, but change nothing;
 * {@code camunda-admin} is the engine's administrators' group and may do everything: it
 * is granted all permissions on every resource, as Camunda's setup of a first user would.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class EngineAuthorizations implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(EngineAuthorizations.class);

	static final String REVIEW_PROCESS = "returnRateReview";

	/** group id and name */
	static final Map<String, String> GROUPS = new LinkedHashMap<>();

	static {
		GROUPS.put("sales", "Sales clerks 销售");
		GROUPS.put("approvers", "Approvers 审批人");
		GROUPS.put("managers", "Managers 经理");
		GROUPS.put("warehouse", "Warehouse 仓库");
		GROUPS.put("finance", "Finance 财务");
		GROUPS.put("analysts", "Analysts 分析师");
		GROUPS.put(Groups.CAMUNDA_ADMIN, "Administrators 管理员");
	}

	private record Grant(String group, Resource resource, String resourceId, List<Permission> permissions) {

	}

	private static final List<Grant> GRANTS = grants();

	private final IdentityService identity;

	private final AuthorizationService authorizations;

	private final TasklistFilters filters;

	EngineAuthorizations(IdentityService identity, AuthorizationService authorizations, TasklistFilters filters) {
		this.identity = identity;
		this.authorizations = authorizations;
		this.filters = filters;
	}

	private static List<Grant> grants() {
		List<Grant> grants = new java.util.ArrayList<>();
		for (String group : GROUPS.keySet()) {
			if (group.equals(Groups.CAMUNDA_ADMIN)) {
				// not exempt from the engine's checks: like Camunda's
				// first-user setup, everything on every resource, or
				// its members could neither see a process nor create
				// a user
				for (Resources resource : Resources.values()) {
					grants.add(new Grant(group, resource, "*", List.of(Permissions.ALL)));
				}
				continue;
			}
			// Tasklist, the names and diagrams of the processes; each group's own
			// filter is granted to it by TasklistFilters
			grants.add(new Grant(group, Resources.APPLICATION, "tasklist", List.of(Permissions.ACCESS)));
			grants.add(new Grant(group, Resources.PROCESS_DEFINITION, "*", List.of(Permissions.READ)));
		}
		String analysts = "analysts";
		grants.add(new Grant(analysts, Resources.APPLICATION, "cockpit", List.of(Permissions.ACCESS)));
		grants.add(new Grant(analysts, Resources.PROCESS_DEFINITION, "*",
				List.of(Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY)));
		grants.add(new Grant(analysts, Resources.PROCESS_INSTANCE, "*", List.of(Permissions.READ)));
		grants.add(new Grant(analysts, Resources.DECISION_DEFINITION, "*",
				List.of(Permissions.READ, Permissions.READ_HISTORY)));
		grants.add(new Grant(analysts, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", List.of(Permissions.READ)));
		grants.add(new Grant(analysts, Resources.DEPLOYMENT, "*", List.of(Permissions.READ)));
		// the review may be started by hand from Tasklist
		grants.add(new Grant(analysts, Resources.PROCESS_DEFINITION, REVIEW_PROCESS,
				List.of(Permissions.READ, Permissions.CREATE_INSTANCE)));
		grants.add(new Grant(analysts, Resources.PROCESS_INSTANCE, "*", List.of(Permissions.READ, Permissions.CREATE)));
		return List.copyOf(grants);
	}

	@Override
	public void run(ApplicationArguments args) {
		ensure();
	}

	/**
	 * Adds the groups and grants that are missing, and each group's Tasklist filter,
	 * which only that group sees.
	 */
	void ensure() {
		GROUPS.forEach(this::ensureGroup);
		int added = 0;
		for (Grant grant : GRANTS) {
			added += ensureGrant(grant);
		}
		if (added > 0) {
			log.info("Granted {} permissions to the groups", added);
		}
		GROUPS.keySet()
			.stream()
			.filter((group) -> !group.equals(Groups.CAMUNDA_ADMIN))
			.forEach(this.filters::withdrawEveryFilterGrant);
		this.filters.ensure();
	}

	private void ensureGroup(String id, String name) {
		if (this.identity.createGroupQuery().groupId(id).count() == 0) {
			Group group = this.identity.newGroup(id);
			group.setName(name);
			group.setType(id.equals(Groups.CAMUNDA_ADMIN) ? Groups.GROUP_TYPE_SYSTEM : Groups.GROUP_TYPE_WORKFLOW);
			this.identity.saveGroup(group);
		}
	}

	private int ensureGrant(Grant grant) {
		Authorization authorization = this.authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.groupIdIn(grant.group())
			.resourceType(grant.resource())
			.resourceId(grant.resourceId())
			.singleResult();
		if (authorization == null) {
			authorization = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			authorization.setGroupId(grant.group());
			authorization.setResource(grant.resource());
			authorization.setResourceId(grant.resourceId());
		}
		int added = 0;
		for (Permission permission : grant.permissions()) {
			if (!authorization.isPermissionGranted(permission)) {
				authorization.addPermission(permission);
				added++;
			}
		}
		if (added > 0) {
			this.authorizations.saveAuthorization(authorization);
		}
		return added;
	}

}
