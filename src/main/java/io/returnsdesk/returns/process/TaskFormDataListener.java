package io.returnsdesk.returns.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

/**
 * On creation of a user task, gives it a name that says which return it is, and its form
 * what the person needs to decide: the data its form mentions. The model's step keeps its
 * plain name (Cockpit, the model, the timeline); only the task's carries the return.
 */
@Component
class TaskFormDataListener implements TaskListener {

	private final TaskFormData formData;

	private final FormFields formFields;

	TaskFormDataListener(TaskFormData formData, FormFields formFields) {
		this.formData = formData;
		this.formFields = formFields;
	}

	@Override
	public void notify(DelegateTask task) {
		TaskFormData.Data data = this.formData.of(ProcessVariables.string(task, ReturnProcess.VAR_RETURN_NUMBER),
				task.getBpmnModelElementInstance().getName(),
				ProcessVariables.string(task, ReturnProcess.VAR_APPROVER_GROUP), this.formFields.mentionedBy(task));
		task.setName(data.name());
		task.setVariablesLocal(data.variables());
	}

}
