package io.returnsdesk.returns.process;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.returnsdesk.catalog.StoreScope;
import io.returnsdesk.engine.EngineHistoryTables;
import io.returnsdesk.engine.EngineHistoryTables.CompletedTasks;
import io.returnsdesk.engine.EngineHistoryTables.Durations;
import io.returnsdesk.engine.EngineHistoryTables.StartedInstances;
import io.returnsdesk.returns.ProcessKpiReport;
import io.returnsdesk.returns.ProcessKpiReport.Approvals;
import io.returnsdesk.returns.ProcessKpiReport.LeadTime;
import io.returnsdesk.returns.ProcessKpiReport.Requests;
import io.returnsdesk.returns.ProcessKpiReport.Step;
import io.returnsdesk.returns.ProcessKpis;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.IncidentQuery;
import org.camunda.bpm.engine.runtime.JobQuery;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.instance.UserTask;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The return process's figures from the engine: aggregates over its history (in SQL, by
 * {@link EngineHistoryTables}), the work waiting now through the engine's query API.
 */
@Service
class EngineProcessKpis implements ProcessKpis {

	private static final List<String> CONFIRMED_ENDS = List.of(ReturnProcess.END_CONFIRMED,
			ReturnProcess.END_EXCHANGED);

	private final EngineHistoryTables history;

	private final RepositoryService repository;

	private final TaskService tasks;

	private final ManagementService management;

	private final RuntimeService runtime;

	private final ReturnProcessSettings settings;

	private final Clock clock;

	private final ZoneId zone;

	EngineProcessKpis(EngineHistoryTables history, RepositoryService repository, TaskService tasks,
			ManagementService management, RuntimeService runtime, ReturnProcessSettings settings, Clock clock) {
		this.history = history;
		this.repository = repository;
		this.tasks = tasks;
		this.management = management;
		this.runtime = runtime;
		this.settings = settings;
		this.clock = clock;
		this.zone = clock.getZone();
	}

	@Override
	@Transactional(readOnly = true)
	public ProcessKpiReport report(LocalDate from, LocalDate to, StoreScope scope) {
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("The period ends (%s) before it starts (%s)".formatted(to, from));
		}
		Duration reminder = Duration.parse(this.settings.getApprovalReminder());
		Instant now = this.clock.instant();
		Instant start = from.atStartOfDay(this.zone).toInstant();
		Instant end = to.plusDays(1).atStartOfDay(this.zone).toInstant();
		String process = ReturnProcess.PROCESS_KEY;
		// a store's returns are its tenant's instances (StoreTenancy)
		Set<String> tenants = scope.stores();

		Map<String, CompletedTasks> completed = new LinkedHashMap<>();
		this.history.completedTasks(process, tenants, start, end, reminder)
			.forEach((tasks) -> completed.put(tasks.task(), tasks));
		long approvalsPastReminder = completed.containsKey(ReturnProcess.TASK_APPROVE)
				? completed.get(ReturnProcess.TASK_APPROVE).longer() : 0;
		List<Step> steps = new ArrayList<>();
		userTasks().forEach((key, name) -> steps.add(step(key, name, completed.remove(key), tenants)));
		// steps of earlier versions of the model that this one no longer has
		completed.forEach((key, tasks) -> steps.add(step(key, key, tasks, tenants)));

		Durations confirmed = this.history.endedAt(process, tenants, CONFIRMED_ENDS, start, end);
		LeadTime lifecycle = new LeadTime(confirmed.count(), seconds(confirmed.medianMillis()),
				seconds(confirmed.p90Millis()));

		long reminders = this.history.activityStarts(process, tenants, ReturnProcess.TIMER_APPROVAL_OVERDUE, start,
				end);
		long overdue = openTasks(ReturnProcess.TASK_APPROVE, tenants).taskCreatedBefore(Date.from(now.minus(reminder)))
			.count();
		Approvals approvals = new Approvals(reminder.toString(), approvalsPastReminder, reminders, overdue);

		Requests requests = requests(this.history.startedIn(process, tenants, start, end,
				List.of(ReturnProcess.TASK_RECORD_REJECTION, ReturnProcess.TASK_RESUBMIT)));

		JobQuery postings = this.management.createJobQuery()
			.processDefinitionKey(process)
			.activityId(ReturnProcess.TASK_POST_STOCK_MOVEMENTS);
		IncidentQuery incidentQuery = this.runtime.createIncidentQuery().processDefinitionKeyIn(process);
		if (!tenants.isEmpty()) {
			postings.tenantIdIn(tenants.toArray(String[]::new));
			incidentQuery.tenantIdIn(tenants.toArray(String[]::new));
		}
		long postingsWaiting = postings.count();
		long incidents = incidentQuery.count();
		return new ProcessKpiReport(from, to, steps, lifecycle, approvals, requests, postingsWaiting, incidents);
	}

	/** The user tasks of the latest model, in the order the model lists them. */
	private Map<String, String> userTasks() {
		Map<String, String> userTasks = new LinkedHashMap<>();
		ProcessDefinition latest = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(ReturnProcess.PROCESS_KEY)
			.latestVersion()
			.singleResult();
		if (latest != null) {
			for (UserTask task : this.repository.getBpmnModelInstance(latest.getId())
				.getModelElementsByType(UserTask.class)) {
				userTasks.put(task.getId(), (task.getName() != null) ? task.getName() : task.getId());
			}
		}
		return userTasks;
	}

	private Step step(String key, String name, CompletedTasks completed, Set<String> tenants) {
		long open = openTasks(key, tenants).count();
		Instant oldest = null;
		if (open > 0) {
			Task first = openTasks(key, tenants).orderByTaskCreateTime().asc().listPage(0, 1).get(0);
			oldest = first.getCreateTime().toInstant();
		}
		return (completed != null)
				? new Step(key, name, completed.completed(), seconds(completed.medianMillis()),
						seconds(completed.p90Millis()), open, oldest)
				: new Step(key, name, 0, null, null, open, oldest);
	}

	private TaskQuery openTasks(String key, Set<String> tenants) {
		TaskQuery query = this.tasks.createTaskQuery()
			.processDefinitionKey(ReturnProcess.PROCESS_KEY)
			.taskDefinitionKey(key);
		return tenants.isEmpty() ? query : query.tenantIdIn(tenants.toArray(String[]::new));
	}

	private static Requests requests(StartedInstances started) {
		long all = started.started();
		long rejected = started.passed(ReturnProcess.TASK_RECORD_REJECTION);
		long resubmitted = started.passed(ReturnProcess.TASK_RESUBMIT);
		long withdrawn = started.endedAtAnyOf(List.of(ReturnProcess.END_WITHDRAWN));
		long confirmed = started.endedAtAnyOf(CONFIRMED_ENDS);
		return new Requests(all, rejected, resubmitted, withdrawn, confirmed, started.stillOpen(), share(rejected, all),
				share(resubmitted, all), share(withdrawn, all), share(confirmed, all));
	}

	private static BigDecimal share(long part, long whole) {
		return (whole == 0) ? null
				: BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
	}

	private static Long seconds(Double millis) {
		return (millis != null) ? Math.round(millis / 1000) : null;
	}

}
