package io.returnsdesk.returns.process;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

/**
 * On completion, keeps who decided in a process variable, for the steps that record the
 * decision: {@code approverId}, {@code processorId} or {@code confirmerId}.
 */
@Component
class TaskActorListener implements TaskListener {

	private static final Map<String, String> ACTOR_VARIABLES = Map.of(ReturnProcess.TASK_APPROVE,
			ReturnProcess.VAR_APPROVER_ID, ReturnProcess.TASK_PROCESS, ReturnProcess.VAR_PROCESSOR_ID,
			ReturnProcess.TASK_CONFIRM, ReturnProcess.VAR_CONFIRMER_ID);

	@Override
	public void notify(DelegateTask task) {
		String variable = ACTOR_VARIABLES.get(task.getTaskDefinitionKey());
		if (variable == null) {
			throw new IllegalStateException("No actor variable for task " + task.getTaskDefinitionKey());
		}
		task.getExecution().setVariable(variable, TaskActors.of(task));
	}

}
