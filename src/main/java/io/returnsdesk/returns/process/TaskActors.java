package io.returnsdesk.returns.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who is completing a task: the user logged in to Tasklist or the REST API, else its
 * assignee.
 */
final class TaskActors {

	static final String UNKNOWN = "unknown";

	private TaskActors() {
	}

	static String of(DelegateTask task) {
		Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		if (authentication != null && authentication.getUserId() != null) {
			return authentication.getUserId();
		}
		return (task.getAssignee() != null) ? task.getAssignee() : UNKNOWN;
	}

}
