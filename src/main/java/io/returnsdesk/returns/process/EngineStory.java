package io.returnsdesk.returns.process;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.returnsdesk.returns.TimelineEntry.Kind;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.IdentityLinkType;

/** The entries one process instance's history tells, in the order they occurred. */
final class EngineStory {

	private final HistoryService history;

	private final String processInstanceId;

	private final String orderNumber;

	/**
	 * Decision variables set while completing each user task, by activity instance.
	 */
	private final Map<String, Map<String, Object>> decisions = new HashMap<>();

	/** Who completed each task, as logged in to Tasklist or the REST API. */
	private final Map<String, String> completers = new HashMap<>();

	private List<String> approverGroups = List.of();

	EngineStory(HistoryService history, String processInstanceId, String orderNumber) {
		this.history = history;
		this.processInstanceId = processInstanceId;
		this.orderNumber = orderNumber;
		// task-local variables are the forms' display data; decisions are set on the
		// process when a task completes, in the task's activity instance
		history.createHistoricDetailQuery()
			.processInstanceId(processInstanceId)
			.variableUpdates()
			.excludeTaskDetails()
			.orderPartiallyByOccurrence()
			.asc()
			.list()
			.stream()
			.map(HistoricVariableUpdate.class::cast)
			.filter((update) -> TaskDecision.VARIABLES.contains(update.getVariableName()))
			.forEach((update) -> this.decisions.computeIfAbsent(update.getActivityInstanceId(), (id) -> new HashMap<>())
				.put(update.getVariableName(), update.getValue()));
		history.createUserOperationLogQuery()
			.processInstanceId(processInstanceId)
			.entityType(UserOperationLogEntry.ENTITY_TYPE_TASK)
			.operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
			.list()
			.forEach((entry) -> this.completers.putIfAbsent(entry.getTaskId(), entry.getUserId()));
	}

	List<TimelineDraft> tell() {
		List<TimelineDraft> entries = new ArrayList<>();
		List<HistoricActivityInstance> activities = this.history.createHistoricActivityInstanceQuery()
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

	private void userTask(HistoricActivityInstance activity, List<TimelineDraft> entries) {
		String taskId = activity.getTaskId();
		List<HistoricIdentityLinkLog> links = this.history.createHistoricIdentityLinkLogQuery().taskId(taskId).list();
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
		TaskDecision decision = new TaskDecision(activity.getActivityId(),
				this.decisions.getOrDefault(activity.getId(), Map.of()));
		String completer = this.completers.get(taskId);
		if (completer == null) {
			completer = decision.actor();
		}
		if (completer == null) {
			completer = activity.getAssignee();
		}
		entries.add(draft(instant(activity.getEndTime()), decision.kind(), completer, activity, decision.note()));
	}

	private TimelineDraft draft(Instant at, Kind kind, String actor, HistoricActivityInstance task, String note) {
		return new TimelineDraft(at, kind, actor, (task != null) ? task.getActivityName() : null, note,
				(task != null) ? task.getTaskId() : null, this.processInstanceId);
	}

	private static String groups(List<String> groups) {
		return groups.isEmpty() ? "the candidates" : "group " + String.join(", ", groups);
	}

	private static Instant instant(Date date) {
		return (date != null) ? date.toInstant() : null;
	}

}
