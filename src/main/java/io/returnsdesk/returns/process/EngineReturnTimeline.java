package io.returnsdesk.returns.process;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.returnsdesk.returns.RefundMethod;
import io.returnsdesk.returns.ReturnProcessState;
import io.returnsdesk.returns.ReturnQueries;
import io.returnsdesk.returns.ReturnStatus;
import io.returnsdesk.returns.ReturnTimeline;
import io.returnsdesk.returns.ReturnView;
import io.returnsdesk.returns.TimelineEntry;
import io.returnsdesk.returns.TimelineEntry.Kind;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Tells a return's life from the engine's history (user tasks with who had and who
 * completed them, the decisions they set, the reminder timer, the posting and the
 * replacement) and merges in the return's own status events, which stand alone where the
 * engine's history is gone.
 */
@Service
class EngineReturnTimeline implements ReturnTimeline {

	private static final Set<String> DECISION_VARIABLES = Set.of(ReturnProcess.VAR_APPROVED,
			ReturnProcess.VAR_REJECTION_REASON, ReturnProcess.VAR_RESUBMIT, ReturnProcess.VAR_CONFIRMED,
			ReturnProcess.VAR_CONFIRMATION_NOTE, ReturnProcess.VAR_WAREHOUSE_CODE, ReturnProcess.VAR_REFUND_METHOD,
			ReturnProcess.VAR_REFUND_AMOUNT, ReturnProcess.VAR_APPROVER_ID, ReturnProcess.VAR_PROCESSOR_ID,
			ReturnProcess.VAR_CONFIRMER_ID);

	private static final Set<Kind> STATUS_KINDS = Set.of(Kind.REQUESTED, Kind.APPROVED, Kind.REJECTED, Kind.RESUBMITTED,
			Kind.WITHDRAWN, Kind.PROCESSED, Kind.SENT_BACK, Kind.POSTED);

	private final ReturnQueries queries;

	private final HistoryService history;

	private final TaskService tasks;

	private final String tasklistPath;

	private final String cockpitPath;

	EngineReturnTimeline(ReturnQueries queries, ProcessEngine engine,
			@Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
		this.queries = queries;
		this.history = engine.getHistoryService();
		this.tasks = engine.getTaskService();
		this.tasklistPath = "%s/app/tasklist/%s/#/?task=".formatted(webapps, engine.getName());
		this.cockpitPath = "%s/app/cockpit/%s/#/process-instance/".formatted(webapps, engine.getName());
	}

	@Override
	public List<TimelineEntry> timeline(String number) {
		ReturnView view = this.queries.get(number);
		List<Draft> entries = new ArrayList<>();
		for (HistoricProcessInstance instance : instances(number)) {
			entries.addAll(new EngineStory(instance.getId(), view.orderNumber()).tell());
		}
		mergeStatusEvents(entries, view);
		// stable: entries of the same instant keep the engine's order of occurrence
		entries.sort(Comparator.comparing((Draft draft) -> draft.at));
		return entries.stream().map(Draft::entry).toList();
	}

	@Override
	public ReturnProcessState processState(String number) {
		this.queries.get(number);
		List<HistoricProcessInstance> instances = instances(number);
		if (instances.isEmpty()) {
			return new ReturnProcessState(number, null, null, null, List.of());
		}
		HistoricProcessInstance latest = instances.get(instances.size() - 1);
		List<ReturnProcessState.OpenTask> open = this.tasks.createTaskQuery()
			.processInstanceId(latest.getId())
			.orderByTaskCreateTime()
			.asc()
			.list()
			.stream()
			.map(this::openTask)
			.toList();
		return new ReturnProcessState(number, latest.getId(), latest.getState(), this.cockpitPath + latest.getId(),
				open);
	}

	private ReturnProcessState.OpenTask openTask(Task task) {
		List<IdentityLink> links = this.tasks.getIdentityLinksForTask(task.getId());
		return new ReturnProcessState.OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(),
				task.getAssignee(), candidates(links, true), candidates(links, false), instant(task.getCreateTime()),
				this.tasklistPath + task.getId());
	}

	private static List<String> candidates(List<IdentityLink> links, boolean groups) {
		return links.stream()
			.filter((link) -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.map((link) -> groups ? link.getGroupId() : link.getUserId())
			.filter(Objects::nonNull)
			.sorted()
			.toList();
	}

	private List<HistoricProcessInstance> instances(String number) {
		return this.history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(ReturnProcess.PROCESS_KEY)
			.processInstanceBusinessKey(number)
			.orderByProcessInstanceStartTime()
			.asc()
			.list();
	}

	/**
	 * The n-th status event of a kind is the n-th engine entry of that kind: the engine's
	 * entry takes the event's actor and note where it has none; events without an engine
	 * entry (its history cleaned up) stand alone.
	 */
	private static void mergeStatusEvents(List<Draft> entries, ReturnView view) {
		Map<Kind, LinkedList<Draft>> engineEntries = new EnumMap<>(Kind.class);
		entries.stream()
			.filter((draft) -> STATUS_KINDS.contains(draft.kind))
			.forEach((draft) -> engineEntries.computeIfAbsent(draft.kind, (kind) -> new LinkedList<>()).add(draft));
		ReturnStatus previous = null;
		for (ReturnView.Event event : view.history()) {
			Kind kind = kindOf(event.status(), previous);
			previous = event.status();
			LinkedList<Draft> candidates = engineEntries.get(kind);
			Draft twin = (candidates != null) ? candidates.poll() : null;
			if (twin != null) {
				twin.actor = (twin.actor != null) ? twin.actor : event.actor();
				twin.note = (twin.note != null) ? twin.note : event.note();
			}
			else {
				entries.add(new Draft(event.at(), kind, event.actor(), null, event.note(), null, null));
			}
		}
	}

	private static Kind kindOf(ReturnStatus status, ReturnStatus previous) {
		return switch (status) {
			case SUBMITTED -> (previous == null) ? Kind.REQUESTED : Kind.RESUBMITTED;
			case APPROVED -> (previous == ReturnStatus.PROCESSED) ? Kind.SENT_BACK : Kind.APPROVED;
			case REJECTED -> Kind.REJECTED;
			case WITHDRAWN -> Kind.WITHDRAWN;
			case PROCESSED -> Kind.PROCESSED;
			case CONFIRMED -> Kind.POSTED;
		};
	}

	private static Instant instant(Date date) {
		return (date != null) ? date.toInstant() : null;
	}

	/** The entries one process instance's history tells, in the order they occurred. */
	private final class EngineStory {

		private final String processInstanceId;

		private final String orderNumber;

		/**
		 * Decision variables set while completing each user task, by activity instance.
		 */
		private final Map<String, Map<String, Object>> decisions = new HashMap<>();

		/** Who completed each task, as logged in to Tasklist or the REST API. */
		private final Map<String, String> completers = new HashMap<>();

		private List<String> approverGroups = List.of();

		EngineStory(String processInstanceId, String orderNumber) {
			this.processInstanceId = processInstanceId;
			this.orderNumber = orderNumber;
			// task-local variables are the forms' display data; decisions are set on the
			// process when a task completes, in the task's activity instance
			EngineReturnTimeline.this.history.createHistoricDetailQuery()
				.processInstanceId(processInstanceId)
				.variableUpdates()
				.excludeTaskDetails()
				.orderPartiallyByOccurrence()
				.asc()
				.list()
				.stream()
				.map(HistoricVariableUpdate.class::cast)
				.filter((update) -> DECISION_VARIABLES.contains(update.getVariableName()))
				.forEach((update) -> this.decisions
					.computeIfAbsent(update.getActivityInstanceId(), (id) -> new HashMap<>())
					.put(update.getVariableName(), update.getValue()));
			EngineReturnTimeline.this.history.createUserOperationLogQuery()
				.processInstanceId(processInstanceId)
				.entityType(UserOperationLogEntry.ENTITY_TYPE_TASK)
				.operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
				.list()
				.forEach((entry) -> this.completers.putIfAbsent(entry.getTaskId(), entry.getUserId()));
		}

		List<Draft> tell() {
			List<Draft> entries = new ArrayList<>();
			List<HistoricActivityInstance> activities = EngineReturnTimeline.this.history
				.createHistoricActivityInstanceQuery()
				.processInstanceId(this.processInstanceId)
				.orderByHistoricActivityInstanceStartTime()
				.asc()
				.orderPartiallyByOccurrence()
				.asc()
				.list();
			for (HistoricActivityInstance activity : activities) {
				if (ActivityTypes.START_EVENT.equals(activity.getActivityType())) {
					entries.add(draft(instant(activity.getStartTime()), Kind.REQUESTED, null, null, null));
				}
				else if (ActivityTypes.TASK_USER_TASK.equals(activity.getActivityType())) {
					userTask(activity, entries);
				}
				else if (ActivityTypes.BOUNDARY_TIMER.equals(activity.getActivityType())) {
					entries.add(draft(instant(activity.getStartTime()), Kind.REMINDER, null, null,
							"The approval is overdue; reminded " + groups(this.approverGroups)));
				}
				else if (ReturnProcess.TASK_MARK_CONFIRMED.equals(activity.getActivityId())
						&& activity.getEndTime() != null) {
					entries.add(draft(instant(activity.getEndTime()), Kind.POSTED, null, null,
							"Stock movements and finance entries posted"));
				}
				else if (ReturnProcess.TASK_RAISE_REPLACEMENT.equals(activity.getActivityId())
						&& activity.getEndTime() != null) {
					entries.add(draft(instant(activity.getEndTime()), Kind.REPLACEMENT, null, null,
							"Replacement shipment raised on order " + this.orderNumber));
				}
			}
			return entries;
		}

		private void userTask(HistoricActivityInstance activity, List<Draft> entries) {
			String taskId = activity.getTaskId();
			List<HistoricIdentityLinkLog> links = EngineReturnTimeline.this.history.createHistoricIdentityLinkLogQuery()
				.taskId(taskId)
				.list();
			List<String> groups = links.stream()
				.filter((link) -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
				.map(HistoricIdentityLinkLog::getGroupId)
				.distinct()
				.toList();
			if (ReturnProcess.TASK_APPROVE.equals(activity.getActivityId())) {
				this.approverGroups = groups;
			}
			String assignee = links.stream()
				.filter((link) -> IdentityLinkType.ASSIGNEE.equals(link.getType()) && link.getUserId() != null)
				.map(HistoricIdentityLinkLog::getUserId)
				.findFirst()
				.orElse(null);
			String waiting = (assignee != null) ? "Assigned to " + assignee : "Waiting for " + groups(groups);
			entries.add(draft(instant(activity.getStartTime()), Kind.TASK_CREATED, null, activity, waiting));
			if (activity.getEndTime() == null || activity.isCanceled()) {
				return;
			}
			Map<String, Object> decision = this.decisions.getOrDefault(activity.getId(), Map.of());
			Kind kind = decided(activity.getActivityId(), decision);
			String completer = this.completers.get(taskId);
			if (completer == null) {
				completer = string(decision.get(actorVariable(activity.getActivityId())));
			}
			if (completer == null) {
				completer = activity.getAssignee();
			}
			entries.add(draft(instant(activity.getEndTime()), kind, completer, activity, note(kind, decision)));
		}

		private Draft draft(Instant at, Kind kind, String actor, HistoricActivityInstance task, String note) {
			return new Draft(at, kind, actor, (task != null) ? task.getActivityName() : null, note,
					(task != null) ? task.getTaskId() : null, this.processInstanceId);
		}

	}

	private static Kind decided(String taskKey, Map<String, Object> decision) {
		Boolean yes = switch (taskKey) {
			case ReturnProcess.TASK_APPROVE -> flag(decision.get(ReturnProcess.VAR_APPROVED));
			case ReturnProcess.TASK_REVISE -> flag(decision.get(ReturnProcess.VAR_RESUBMIT));
			case ReturnProcess.TASK_CONFIRM -> flag(decision.get(ReturnProcess.VAR_CONFIRMED));
			case ReturnProcess.TASK_PROCESS -> Boolean.TRUE;
			default -> null;
		};
		if (yes == null) {
			return Kind.TASK_COMPLETED;
		}
		return switch (taskKey) {
			case ReturnProcess.TASK_APPROVE -> yes ? Kind.APPROVED : Kind.REJECTED;
			case ReturnProcess.TASK_REVISE -> yes ? Kind.RESUBMITTED : Kind.WITHDRAWN;
			case ReturnProcess.TASK_CONFIRM -> yes ? Kind.CONFIRMED : Kind.SENT_BACK;
			default -> Kind.PROCESSED;
		};
	}

	private static String actorVariable(String taskKey) {
		return switch (taskKey) {
			case ReturnProcess.TASK_APPROVE -> ReturnProcess.VAR_APPROVER_ID;
			case ReturnProcess.TASK_PROCESS -> ReturnProcess.VAR_PROCESSOR_ID;
			case ReturnProcess.TASK_CONFIRM -> ReturnProcess.VAR_CONFIRMER_ID;
			default -> "";
		};
	}

	private static String note(Kind kind, Map<String, Object> decision) {
		return switch (kind) {
			case REJECTED -> string(decision.get(ReturnProcess.VAR_REJECTION_REASON));
			case SENT_BACK -> string(decision.get(ReturnProcess.VAR_CONFIRMATION_NOTE));
			case PROCESSED ->
				"Warehouse %s, refund %s by %s".formatted(string(decision.get(ReturnProcess.VAR_WAREHOUSE_CODE)),
						money(decision.get(ReturnProcess.VAR_REFUND_AMOUNT)),
						refundMethod(decision.get(ReturnProcess.VAR_REFUND_METHOD)));
			default -> null;
		};
	}

	private static Boolean flag(Object value) {
		if (value instanceof Boolean bool) {
			return bool;
		}
		if (value instanceof String text && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
			return Boolean.valueOf(text);
		}
		return null;
	}

	private static String string(Object value) {
		return (value != null && !value.toString().isBlank()) ? value.toString().strip() : null;
	}

	private static String money(Object value) {
		try {
			return new BigDecimal(String.valueOf(value).strip()).setScale(2, RoundingMode.HALF_UP).toPlainString();
		}
		catch (NumberFormatException ex) {
			return String.valueOf(value);
		}
	}

	private static String refundMethod(Object value) {
		try {
			return RefundMethod.valueOf(String.valueOf(value).strip()).label();
		}
		catch (IllegalArgumentException ex) {
			return String.valueOf(value);
		}
	}

	private static String groups(List<String> groups) {
		return groups.isEmpty() ? "the candidates" : "group " + String.join(", ", groups);
	}

	/** An entry while the story is told and merged. */
	private static final class Draft {

		private final Instant at;

		private final Kind kind;

		private String actor;

		private final String task;

		private String note;

		private final String taskId;

		private final String processInstanceId;

		Draft(Instant at, Kind kind, String actor, String task, String note, String taskId, String processInstanceId) {
			this.at = at;
			this.kind = kind;
			this.actor = actor;
			this.task = task;
			this.note = note;
			this.taskId = taskId;
			this.processInstanceId = processInstanceId;
		}

		TimelineEntry entry() {
			return new TimelineEntry(this.at, this.kind, this.actor, this.task, this.note, this.taskId,
					this.processInstanceId);
		}

	}

}
