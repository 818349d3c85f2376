package io.returnsdesk.returns.process;

import java.util.HashMap;
import java.util.Map;

import io.returnsdesk.engine.EngineCommands;
import io.returnsdesk.returns.ReturnRevised;
import io.returnsdesk.returns.ReturnSubmitted;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts the return process when a request is saved and answers its revision task when
 * the requester revises or withdraws on the desk, in the same transaction as the change.
 * The desk has already decided that this user may do it; the engine does not check again,
 * since no group may start the process or answer a revision through the engine's own API.
 */
@Component
class ReturnProcessStarter {

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final EngineCommands engine;

	ReturnProcessStarter(RuntimeService runtime, TaskService tasks, EngineCommands engine) {
		this.runtime = runtime;
		this.tasks = tasks;
		this.engine = engine;
	}

	@EventListener
	void on(ReturnSubmitted submitted) {
		// the store's variable makes the instance its store's (StoreTenancy)
		Map<String, Object> variables = new HashMap<>();
		variables.put(ReturnProcess.VAR_RETURN_NUMBER, submitted.returnNumber());
		variables.put(ReturnProcess.VAR_REQUESTED_BY, submitted.requestedBy());
		if (submitted.storeCode() != null) {
			variables.put(ReturnProcess.VAR_STORE_CODE, submitted.storeCode());
		}
		this.engine.asTheApplication(() -> this.runtime.startProcessInstanceByKey(ReturnProcess.PROCESS_KEY,
				submitted.returnNumber(), variables));
	}

	@EventListener
	void on(ReturnRevised revised) {
		this.engine.asTheApplication(() -> answerRevision(revised));
	}

	private void answerRevision(ReturnRevised revised) {
		Task task = this.tasks.createTaskQuery()
			.processDefinitionKey(ReturnProcess.PROCESS_KEY)
			.processInstanceBusinessKey(revised.returnNumber())
			.taskDefinitionKey(ReturnProcess.TASK_REVISE)
			.singleResult();
		if (task == null) {
			throw new IllegalStateException("Return " + revised.returnNumber() + " has no open revision task");
		}
		this.tasks.complete(task.getId(), Map.of(ReturnProcess.VAR_RESUBMIT, revised.resubmit()));
	}

}
