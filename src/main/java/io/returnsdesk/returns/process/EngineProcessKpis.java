package io.returnsdesk.returns.process;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.instance.UserTask;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The return process's figures from the engine: aggregates over its history tables in SQL
 * (percentiles included, so that a year of tasks is never loaded into memory), the work
 * waiting now through the engine's query API.
 */
@Service
class EngineProcessKpis implements ProcessKpis {

	// completed tasks, not those deleted with their process
	private static final String STEPS = """
			select TASK_DEF_KEY_ as step, count(*) as completed,
			       percentile_cont(0.5) within group (order by DURATION_) as median_ms,
			       percentile_cont(0.9) within group (order by DURATION_) as p90_ms,
			       sum(case when DURATION_ > :reminderMs then 1 else 0 end) as past_reminder
			from %1$sACT_HI_TASKINST
			where PROC_DEF_KEY_ = :process and DELETE_REASON_ = 'completed'
			  and END_TIME_ >= :from and END_TIME_ < :to
			group by TASK_DEF_KEY_""";

	private static final String LIFECYCLE = """
			select count(*) as completed,
			       percentile_cont(0.5) within group (order by DURATION_) as median_ms,
			       percentile_cont(0.9) within group (order by DURATION_) as p90_ms
			from %1$sACT_HI_PROCINST
			where PROC_DEF_KEY_ = :process and END_ACT_ID_ in (:confirmedEnds)
			  and END_TIME_ >= :from and END_TIME_ < :to""";

	private static final String REQUESTS = """
			select count(*) as started,
			       coalesce(sum(case when exists (select 1 from %1$sACT_HI_ACTINST a
			           where a.PROC_INST_ID_ = p.PROC_INST_ID_ and a.ACT_ID_ = :rejection) then 1 else 0 end), 0) as rejected,
			       coalesce(sum(case when exists (select 1 from %1$sACT_HI_ACTINST a
			           where a.PROC_INST_ID_ = p.PROC_INST_ID_ and a.ACT_ID_ = :resubmission) then 1 else 0 end), 0) as resubmitted,
			       coalesce(sum(case when p.END_ACT_ID_ = :withdrawnEnd then 1 else 0 end), 0) as withdrawn,
			       coalesce(sum(case when p.END_ACT_ID_ in (:confirmedEnds) then 1 else 0 end), 0) as confirmed,
			       coalesce(sum(case when p.END_TIME_ is null then 1 else 0 end), 0) as still_open
			from %1$sACT_HI_PROCINST p
			where p.PROC_DEF_KEY_ = :process and p.START_TIME_ >= :from and p.START_TIME_ < :to""";

	private static final String REMINDERS = """
			select count(*) from %1$sACT_HI_ACTINST
			where PROC_DEF_KEY_ = :process and ACT_ID_ = :reminder and START_TIME_ >= :from and START_TIME_ < :to""";

	private final NamedParameterJdbcTemplate jdbc;

	private final String prefix;

	private final RepositoryService repository;

	private final TaskService tasks;

	private final ManagementService management;

	private final RuntimeService runtime;

	private final ReturnProcessSettings settings;

	private final Clock clock;

	private final ZoneId zone;

	EngineProcessKpis(NamedParameterJdbcTemplate jdbc, ProcessEngineConfigurationImpl engine,
			ReturnProcessSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.prefix = (engine.getDatabaseTablePrefix() != null) ? engine.getDatabaseTablePrefix() : "";
		this.repository = engine.getRepositoryService();
		this.tasks = engine.getTaskService();
		this.management = engine.getManagementService();
		this.runtime = engine.getRuntimeService();
		this.settings = settings;
		this.clock = clock;
		this.zone = clock.getZone();
	}

	@Override
	@Transactional(readOnly = true)
	public ProcessKpiReport report(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("The period ends (%s) before it starts (%s)".formatted(to, from));
		}
		Duration reminder = Duration.parse(this.settings.getApprovalReminder());
		Instant now = this.clock.instant();
		MapSqlParameterSource period = new MapSqlParameterSource("process", ReturnProcess.PROCESS_KEY)
			.addValue("from", Timestamp.from(from.atStartOfDay(this.zone).toInstant()))
			.addValue("to", Timestamp.from(to.plusDays(1).atStartOfDay(this.zone).toInstant()))
			.addValue("confirmedEnds", List.of(ReturnProcess.END_CONFIRMED, ReturnProcess.END_EXCHANGED))
			.addValue("reminderMs", reminder.toMillis());

		Map<String, Long> pastReminder = new HashMap<>();
		Map<String, Step> completed = new LinkedHashMap<>();
		this.jdbc.query(sql(STEPS), period, (ResultSet row) -> {
			String step = row.getString("step");
			completed.put(step, new Step(step, step, row.getLong("completed"), seconds(row, "median_ms"),
					seconds(row, "p90_ms"), 0, null));
			pastReminder.put(step, row.getLong("past_reminder"));
		});
		List<Step> steps = new ArrayList<>();
		userTasks().forEach((key, name) -> steps.add(step(key, name, completed.remove(key))));
		// steps of earlier versions of the model that this one no longer has
		completed.forEach((key, step) -> steps.add(step(key, key, step)));

		LeadTime lifecycle = this.jdbc.queryForObject(sql(LIFECYCLE), period,
				(row, i) -> new LeadTime(row.getLong("completed"), seconds(row, "median_ms"), seconds(row, "p90_ms")));

		Long reminders = this.jdbc.queryForObject(sql(REMINDERS),
				period.addValue("reminder", ReturnProcess.TIMER_APPROVAL_OVERDUE), Long.class);
		long overdue = openTasks(ReturnProcess.TASK_APPROVE).taskCreatedBefore(Date.from(now.minus(reminder))).count();
		Approvals approvals = new Approvals(reminder.toString(),
				pastReminder.getOrDefault(ReturnProcess.TASK_APPROVE, 0L), (reminders != null) ? reminders : 0,
				overdue);

		Requests requests = this.jdbc.queryForObject(sql(REQUESTS),
				period.addValue("rejection", ReturnProcess.TASK_RECORD_REJECTION)
					.addValue("resubmission", ReturnProcess.TASK_RESUBMIT)
					.addValue("withdrawnEnd", ReturnProcess.END_WITHDRAWN),
				(row, i) -> requests(row));

		long postingsWaiting = this.management.createJobQuery()
			.processDefinitionKey(ReturnProcess.PROCESS_KEY)
			.activityId(ReturnProcess.TASK_POST_STOCK_MOVEMENTS)
			.count();
		long incidents = this.runtime.createIncidentQuery().processDefinitionKeyIn(ReturnProcess.PROCESS_KEY).count();
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

	private Step step(String key, String name, Step completed) {
		long open = openTasks(key).count();
		Instant oldest = null;
		if (open > 0) {
			Task first = openTasks(key).orderByTaskCreateTime().asc().listPage(0, 1).get(0);
			oldest = first.getCreateTime().toInstant();
		}
		return (completed != null) ? new Step(key, name, completed.completed(), completed.medianWaitSeconds(),
				completed.p90WaitSeconds(), open, oldest) : new Step(key, name, 0, null, null, open, oldest);
	}

	private TaskQuery openTasks(String key) {
		return this.tasks.createTaskQuery().processDefinitionKey(ReturnProcess.PROCESS_KEY).taskDefinitionKey(key);
	}

	private static Requests requests(ResultSet row) throws SQLException {
		long started = row.getLong("started");
		long rejected = row.getLong("rejected");
		long resubmitted = row.getLong("resubmitted");
		long withdrawn = row.getLong("withdrawn");
		long confirmed = row.getLong("confirmed");
		return new Requests(started, rejected, resubmitted, withdrawn, confirmed, row.getLong("still_open"),
				share(rejected, started), share(resubmitted, started), share(withdrawn, started),
				share(confirmed, started));
	}

	private static BigDecimal share(long part, long whole) {
		return (whole == 0) ? null
				: BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
	}

	private static Long seconds(ResultSet row, String column) throws SQLException {
		Object millis = row.getObject(column);
		return (millis != null) ? Math.round(((Number) millis).doubleValue() / 1000) : null;
	}

	private String sql(String template) {
		return template.formatted(this.prefix);
	}

}
