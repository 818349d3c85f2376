package io.returnsdesk.engine;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Aggregates over the engine's history tables in SQL, with {@link EngineIdentityTables}
 * the only place that touches the engine's own tables (and, once, gives old instances
 * their store's tenant): percentiles included, so that a year of tasks is never loaded
 * into memory. Medians and 90th percentiles are interpolated between the two nearest
 * values ({@code percentile_cont}), in milliseconds as measured, and null where nothing
 * was measured. A period is {@code [from, to)}.
 */
@Component
public class EngineHistoryTables {

	// completed tasks, not those deleted with their process
	private static final String TASKS = """
			select TASK_DEF_KEY_ as task, count(*) as completed,
			       percentile_cont(0.5) within group (order by DURATION_) as median_ms,
			       percentile_cont(0.9) within group (order by DURATION_) as p90_ms,
			       sum(case when DURATION_ > :longerThanMs then 1 else 0 end) as longer
			from %1$sACT_HI_TASKINST
			where PROC_DEF_KEY_ = :process and DELETE_REASON_ = 'completed'
			  and END_TIME_ >= :from and END_TIME_ < :to%2$s
			group by TASK_DEF_KEY_""";

	private static final String ENDED = """
			select count(*) as ended,
			       percentile_cont(0.5) within group (order by DURATION_) as median_ms,
			       percentile_cont(0.9) within group (order by DURATION_) as p90_ms
			from %1$sACT_HI_PROCINST
			where PROC_DEF_KEY_ = :process and END_ACT_ID_ in (:ends)
			  and END_TIME_ >= :from and END_TIME_ < :to%2$s""";

	private static final String STARTED = """
			select END_ACT_ID_ as end_activity, case when END_TIME_ is null then 1 else 0 end as still_open,
			       count(*) as started
			from %1$sACT_HI_PROCINST
			where PROC_DEF_KEY_ = :process and START_TIME_ >= :from and START_TIME_ < :to%2$s
			group by END_ACT_ID_, case when END_TIME_ is null then 1 else 0 end""";

	private static final String PASSED = """
			select a.ACT_ID_ as activity, count(distinct a.PROC_INST_ID_) as instances
			from %1$sACT_HI_PROCINST p join %1$sACT_HI_ACTINST a on a.PROC_INST_ID_ = p.PROC_INST_ID_
			where p.PROC_DEF_KEY_ = :process and p.START_TIME_ >= :from and p.START_TIME_ < :to
			  and a.ACT_ID_ in (:activities)%3$s
			group by a.ACT_ID_""";

	private static final String ACTIVITY_STARTS = """
			select count(*) from %1$sACT_HI_ACTINST
			where PROC_DEF_KEY_ = :process and ACT_ID_ = :activity and START_TIME_ >= :from and START_TIME_ < :to%2$s""";

	/**
	 * The tables that keep a tenant, and the column that ties their rows to a root
	 * instance.
	 */
	private static final String[][] TENANT_TABLES = { { "ACT_RU_EXECUTION", "ROOT_PROC_INST_ID_" },
			{ "ACT_RU_JOB", "ROOT_PROC_INST_ID_" }, { "ACT_RU_TASK", "PROC_INST_ID_" },
			{ "ACT_RU_VARIABLE", "PROC_INST_ID_" }, { "ACT_RU_EVENT_SUBSCR", "PROC_INST_ID_" },
			{ "ACT_RU_INCIDENT", "PROC_INST_ID_" }, { "ACT_RU_EXT_TASK", "PROC_INST_ID_" },
			{ "ACT_HI_PROCINST", "ROOT_PROC_INST_ID_" }, { "ACT_HI_ACTINST", "ROOT_PROC_INST_ID_" },
			{ "ACT_HI_TASKINST", "ROOT_PROC_INST_ID_" }, { "ACT_HI_VARINST", "ROOT_PROC_INST_ID_" },
			{ "ACT_HI_DETAIL", "ROOT_PROC_INST_ID_" }, { "ACT_HI_IDENTITYLINK", "ROOT_PROC_INST_ID_" },
			{ "ACT_HI_COMMENT", "ROOT_PROC_INST_ID_" }, { "ACT_HI_ATTACHMENT", "ROOT_PROC_INST_ID_" },
			{ "ACT_HI_OP_LOG", "ROOT_PROC_INST_ID_" }, { "ACT_HI_INCIDENT", "ROOT_PROC_INST_ID_" },
			{ "ACT_HI_JOB_LOG", "ROOT_PROC_INST_ID_" }, { "ACT_HI_EXT_TASK_LOG", "ROOT_PROC_INST_ID_" },
			{ "ACT_HI_DECINST", "ROOT_PROC_INST_ID_" }, { "ACT_HI_DEC_IN", "ROOT_PROC_INST_ID_" },
			{ "ACT_HI_DEC_OUT", "ROOT_PROC_INST_ID_" }, { "ACT_GE_BYTEARRAY", "ROOT_PROC_INST_ID_" } };

	private final NamedParameterJdbcTemplate jdbc;

	private final String prefix;

	EngineHistoryTables(NamedParameterJdbcTemplate jdbc, ProcessEngineConfigurationImpl engine) {
		this.jdbc = jdbc;
		this.prefix = (engine.getDatabaseTablePrefix() != null) ? engine.getDatabaseTablePrefix() : "";
	}

	/**
	 * Gives root process instances that belong to no tenant their tenant, with everything
	 * they have made (tasks, variables, jobs, history): the engine has no command that
	 * moves an instance to a tenant, and instances started before the stores became
	 * tenants must be kept from other stores' users too. Rows that have a tenant are left
	 * alone.
	 */
	public void giveTenant(String rootProcessInstanceId, String tenantId) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("instance", rootProcessInstanceId)
			.addValue("tenant", tenantId);
		for (String[] table : TENANT_TABLES) {
			this.jdbc.update("update %s%s set TENANT_ID_ = :tenant where %s = :instance and TENANT_ID_ is null"
				.formatted(this.prefix, table[0], table[1]), parameters);
		}
		this.jdbc.update(sql("""
				update %1$sACT_RU_IDENTITYLINK set TENANT_ID_ = :tenant
				where TENANT_ID_ is null
				  and TASK_ID_ in (select ID_ from %1$sACT_RU_TASK where PROC_INST_ID_ = :instance)"""), parameters);
	}

	/**
	 * The user tasks of a process completed in a period, by task definition: how many,
	 * how long they waited from creation, and how many waited longer than the given time.
	 */
	public List<CompletedTasks> completedTasks(String process, Collection<String> tenants, Instant from, Instant to,
			Duration longerThan) {
		return this.jdbc.query(sql(TASKS, tenants),
				period(process, tenants, from, to).addValue("longerThanMs", longerThan.toMillis()),
				(row, i) -> new CompletedTasks(row.getString("task"), row.getLong("completed"),
						millis(row, "median_ms"), millis(row, "p90_ms"), row.getLong("longer")));
	}

	/**
	 * The instances of a process that ended in a period at one of the given end events.
	 */
	public Durations endedAt(String process, Collection<String> tenants, Collection<String> endEvents, Instant from,
			Instant to) {
		return this.jdbc.queryForObject(sql(ENDED, tenants),
				period(process, tenants, from, to).addValue("ends", endEvents),
				(row, i) -> new Durations(row.getLong("ended"), millis(row, "median_ms"), millis(row, "p90_ms")));
	}

	/**
	 * The instances of a process started in a period: how many, how many are still
	 * running, where the others ended, and how many passed each of the given activities
	 * at least once.
	 */
	public StartedInstances startedIn(String process, Collection<String> tenants, Instant from, Instant to,
			Collection<String> activities) {
		MapSqlParameterSource period = period(process, tenants, from, to);
		long[] started = new long[2];
		Map<String, Long> endedAt = new HashMap<>();
		this.jdbc.query(sql(STARTED, tenants), period, (ResultSet row) -> {
			long count = row.getLong("started");
			started[0] += count;
			if (row.getInt("still_open") == 1) {
				started[1] += count;
			}
			else if (row.getString("end_activity") != null) {
				endedAt.merge(row.getString("end_activity"), count, Long::sum);
			}
		});
		Map<String, Long> passed = new HashMap<>();
		if (!activities.isEmpty()) {
			this.jdbc.query(sql(PASSED, tenants), period.addValue("activities", activities), (ResultSet row) -> {
				passed.put(row.getString("activity"), row.getLong("instances"));
			});
		}
		return new StartedInstances(started[0], started[1], endedAt, passed);
	}

	/**
	 * How often an activity of a process started in a period (a timer fired, a task
	 * came).
	 */
	public long activityStarts(String process, Collection<String> tenants, String activity, Instant from, Instant to) {
		Long starts = this.jdbc.queryForObject(sql(ACTIVITY_STARTS, tenants),
				period(process, tenants, from, to).addValue("activity", activity), Long.class);
		return (starts != null) ? starts : 0;
	}

	private static MapSqlParameterSource period(String process, Collection<String> tenants, Instant from, Instant to) {
		return new MapSqlParameterSource("process", process).addValue("from", Timestamp.from(from))
			.addValue("to", Timestamp.from(to))
			.addValue("tenants", tenants.isEmpty() ? List.of("") : tenants);
	}

	private static Double millis(ResultSet row, String column) throws SQLException {
		Object millis = row.getObject(column);
		return (millis != null) ? ((Number) millis).doubleValue() : null;
	}

	private String sql(String template) {
		return template.formatted(this.prefix);
	}

	/**
	 * The query of the instances of the tenants (their stores; all where none are given):
	 * {@code %2$s} in the template takes the condition on a table's own tenant,
	 * {@code %3$s} on the process instance's ({@code p}).
	 */
	private String sql(String template, Collection<String> tenants) {
		return template.formatted(this.prefix, tenants.isEmpty() ? "" : " and TENANT_ID_ in (:tenants)",
				tenants.isEmpty() ? "" : " and p.TENANT_ID_ in (:tenants)");
	}

	/**
	 * The completed tasks of one task definition; the longer ones waited past a limit.
	 */
	public record CompletedTasks(String task, long completed, Double medianMillis, Double p90Millis, long longer) {

	}

	/** How many instances, and how long they ran. */
	public record Durations(long count, Double medianMillis, Double p90Millis) {

	}

	/**
	 * The instances started in a period: still running, ended by end event, passed by
	 * activity.
	 */
	public record StartedInstances(long started, long stillOpen, Map<String, Long> endedAt, Map<String, Long> passed) {

		/** How many ended at one of the given end events. */
		public long endedAtAnyOf(Collection<String> endEvents) {
			return endEvents.stream().mapToLong((end) -> this.endedAt.getOrDefault(end, 0L)).sum();
		}

		/** How many passed the activity at least once. */
		public long passed(String activity) {
			return this.passed.getOrDefault(activity, 0L);
		}

	}

}
