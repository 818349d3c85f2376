package io.returnsdesk.returns.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

/**
 * On creation of a user task, gives its form what the person needs to decide: the data
 * its form mentions.
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
		task.setVariablesLocal(this.formData.of(ProcessVariables.string(task, ReturnProcess.VAR_RETURN_NUMBER),
				ProcessVariables.string(task, ReturnProcess.VAR_APPROVER_GROUP), this.formFields.mentionedBy(task)));
	}

}
