package io.returnsdesk.returns.process;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;

import io.returnsdesk.catalog.StoreScope;
import io.returnsdesk.returns.ReturnProcessState;
import io.returnsdesk.returns.ReturnQueries;
import io.returnsdesk.returns.ReturnTimeline;
import io.returnsdesk.returns.ReturnView;
import io.returnsdesk.returns.TimelineEntry;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
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
	public List<TimelineEntry> timeline(String number, StoreScope scope) {
		ReturnView view = this.queries.get(number, scope);
		List<TimelineDraft> entries = new ArrayList<>();
		for (HistoricProcessInstance instance : instances(number)) {
			entries.addAll(new EngineStory(this.history, instance.getId(), view.orderNumber()).tell());
		}
		StatusEvents.mergeInto(entries, view.history());
		// stable: entries of the same instant keep the engine's order of occurrence
		entries.sort(Comparator.comparing(TimelineDraft::at));
		return entries.stream().map(TimelineDraft::entry).toList();
	}

	@Override
	public ReturnProcessState processState(String number, StoreScope scope) {
		this.queries.reference(number, scope);
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

	private static Instant instant(Date date) {
		return (date != null) ? date.toInstant() : null;
	}

}
