package io.returnsdesk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;

import io.returnsdesk.engine.ParsedOnceFeel;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The engine without the product: a standalone Camunda engine configured as the
 * application's (history full, JSON variables, the job executor with the application's
 * settings, its FEEL, authorization checks on, each task completed by a user of its
 * group, who may read the processes as the application grants) runs the very models of {@code processes/} — the same BPMN, decision table
 * and forms — with every delegate and listener doing nothing and the return's facts
 * fixed. What the application adds to it is the product's work.
 */
final class BareEngine implements AutoCloseable {

	private static final JavaDelegate NOTHING = (execution) -> {
	};

	private static final TaskListener NO_LISTENING = (task) -> {
	};

	private final ProcessEngine engine;

	BareEngine(DataSource dataSource) throws IOException {
		Map<Object, Object> beans = new HashMap<>();
		for (String delegate : List.of("recordApprovalDelegate", "recordRejectionDelegate", "resubmitReturnDelegate",
				"withdrawReturnDelegate", "recordProcessingDelegate", "reopenProcessingDelegate",
				"postStockMovementsDelegate", "postFinanceEntriesDelegate", "markReturnConfirmedDelegate",
				"raiseReplacementShipmentDelegate", "remindApproversDelegate")) {
			beans.put(delegate, NOTHING);
		}
		for (String listener : List.of("fourEyesListener", "taskActorListener", "taskDecisionListener",
				"taskFormDataListener")) {
			beans.put(listener, NO_LISTENING);
		}
		beans.put("returnFacts", new FixedFacts());
		beans.put("returnProcessSettings", new FixedSettings());

		StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
		configuration.setProcessEngineName("bare");
		configuration.setDataSource(dataSource);
		configuration.setDatabaseSchemaUpdate("true");
		// as Camunda's Spring Boot starter: ids from UUIDs, not from blocks taken in a
		// transaction of their own (which, with a full pool, waits for a connection
		// forever)
		configuration.setIdGenerator(new StrongUuidGenerator());
		configuration.setHistory("full");
		configuration.setDefaultSerializationFormat("application/json");
		configuration.setEnforceHistoryTimeToLive(true);
		configuration.setJobExecutorActivate(true);
		configuration.setJobExecutorDeploymentAware(false);
		configuration.setBeans(beans);
		configuration.setAuthorizationEnabled(true);
		configuration.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
		// the application's FEEL, which parses each expression of the tables once
		configuration.getProcessEnginePlugins().add(new ParsedOnceFeel());
		this.engine = configuration.buildProcessEngine();
		configuration.getJobExecutor().setLockTimeInMillis(60_000);

		DeploymentBuilder deployment = this.engine.getRepositoryService().createDeployment().name("bare");
		for (Resource model : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/**/*")) {
			String name = model.getFilename();
			if (name != null && (name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form"))) {
				try (InputStream content = model.getInputStream()) {
					deployment.addString(name, new String(content.readAllBytes(), StandardCharsets.UTF_8));
				}
			}
		}
		deployment.deploy();
		// as the application grants its groups (EngineAuthorizations); each task is
		// granted to its candidate group by the engine as it creates it
		AuthorizationService authorizations = this.engine.getAuthorizationService();
		for (String group : AppLifecycles.GROUPS.values()) {
			grant(authorizations, group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
			grant(authorizations, group, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
		}
	}

	private static void grant(AuthorizationService authorizations, String group, Resources resource, String id,
			Permission permission) {
		Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		grant.setGroupId(group);
		grant.setResource(resource);
		grant.setResourceId(id);
		grant.addPermission(permission);
		authorizations.saveAuthorization(grant);
	}

	/**
	 * The main path's lifecycles through the engine's Java API, as nobody in particular.
	 */
	LifecycleRun lifecycles() {
		return new LifecycleRun(this.engine.getTaskService(), this.engine.getHistoryService(),
				this.engine.getRuntimeService()) {

			@Override
			String request(int index) {
				String key = "BARE-%07d".formatted(index);
				BareEngine.this.engine.getRuntimeService()
					.startProcessInstanceByKey("returnRequest", key,
							Map.of("returnNumber", key, "requestedBy", "clerk" + (index % 4)));
				return key;
			}

			@Override
			Map<String, Object> decision(int index, String businessKey, Step step) {
				return step.decision("CW-1", 25.0);
			}

			@Override
			Task task(int index, String businessKey, Step step) {
				return signedIn(step, () -> super.task(index, businessKey, step));
			}

			@Override
			void complete(int index, Task task, Step step, Map<String, Object> variables) {
				signedIn(step, () -> {
					BareEngine.this.engine.getTaskService().complete(task.getId(), variables);
					return null;
				});
			}

		};
	}

	/** Work as the step's user, one of its group, as the application's users work. */
	private <T> T signedIn(LifecycleRun.Step step, Supplier<T> work) {
		IdentityService identity = this.engine.getIdentityService();
		identity.setAuthentication(AppLifecycles.USERS.get(step), List.of(AppLifecycles.GROUPS.get(step)));
		try {
			return work.get();
		}
		finally {
			identity.clearAuthentication();
		}
	}

	@Override
	public void close() {
		this.engine.close();
	}

	/** The facts of every return: a small customer refund, asked for the day after. */
	public static final class FixedFacts {

		public String returnType(String number) {
			return "CUSTOMER";
		}

		public String reason(String number) {
			return "DEFECTIVE";
		}

		public Integer daysSinceFulfilment(String number) {
			return 3;
		}

		public Double amount(String number) {
			return 25.0;
		}

		public boolean exchange(String number) {
			return false;
		}

		// the goods come back: the lifecycle the benchmark measures passes the warehouse
		public boolean returnless(String number) {
			return false;
		}

	}

	/** The application's due dates of the steps, as application.yaml sets them by default. */
	public static final class FixedSettings {

		public String getApprovalReminder() {
			return "P2D";
		}

		public String getRevisionDue() {
			return "P7D";
		}

		public String getProcessingDue() {
			return "P3D";
		}

		public String getConfirmationDue() {
			return "P2D";
		}

	}

}
