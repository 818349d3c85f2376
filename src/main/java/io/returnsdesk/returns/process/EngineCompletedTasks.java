package io.returnsdesk.returns.process;

import java.util.Objects;
import java.util.Optional;

import io.returnsdesk.engine.EngineCommands;
import io.returnsdesk.returns.CompletedTasks;
import io.returnsdesk.returns.TaskNoLongerOpenException;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;

import org.springframework.stereotype.Component;

/**
 * Reads a task's end and who completed it from the engine's history, past the caller's
 * authorizations (they left with the task); within a command, in its transaction.
 */
@Component
class EngineCompletedTasks implements CompletedTasks {

	private final EngineCommands engine;

	private final TaskService tasks;

	private final HistoryService history;

	EngineCompletedTasks(EngineCommands engine, TaskService tasks, HistoryService history) {
		this.engine = engine;
		this.tasks = tasks;
		this.history = history;
	}

	@Override
	public Optional<TaskNoLongerOpenException> refusalToComplete(String taskId) {
		return Optional.ofNullable(this.engine.asTheApplication(() -> completed(taskId)));
	}

	private TaskNoLongerOpenException completed(String taskId) {
		if (this.tasks.createTaskQuery().taskId(taskId).count() > 0) {
			return null;
		}
		HistoricTaskInstance ended = this.history.createHistoricTaskInstanceQuery()
			.taskId(taskId)
			.finished()
			.singleResult();
		if (ended == null || !"completed".equals(ended.getDeleteReason())) {
			return null;
		}
		String completedBy = this.history.createUserOperationLogQuery()
			.taskId(taskId)
			.entityType(EntityTypes.TASK)
			.operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
			.list()
			.stream()
			.map(UserOperationLogEntry::getUserId)
			.filter(Objects::nonNull)
			.findFirst()
			.map((user) -> "user '" + user + "'")
			.orElse("another user");
		return new TaskNoLongerOpenException(taskId, ended.getName(), completedBy);
	}

}
