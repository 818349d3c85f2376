package io.returnsdesk.returns.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

/**
 * On creation of a user task, gives its form what the person needs to decide.
 */
@Component
class TaskFormDataListener implements TaskListener {

	private final TaskFormData formData;

	TaskFormDataListener(TaskFormData formData) {
		this.formData = formData;
	}

	@Override
	public void notify(DelegateTask task) {
		task.setVariablesLocal(this.formData.of(ProcessVariables.string(task, ReturnProcess.VAR_RETURN_NUMBER),
				ProcessVariables.string(task, ReturnProcess.VAR_APPROVER_GROUP)));
	}

}
