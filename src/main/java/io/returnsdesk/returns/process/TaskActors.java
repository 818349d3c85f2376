package io.returnsdesk.returns.process;

import io.returnsdesk.engine.EngineUsers;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Who is completing a task: the user logged in to Tasklist or the REST API, else its
 * assignee.
 */
final class TaskActors {

	static final String UNKNOWN = "unknown";

	private TaskActors() {
	}

	static String of(DelegateTask task) {
		String user = EngineUsers.current(task.getProcessEngineServices());
		if (user != null) {
			return user;
		}
		return (task.getAssignee() != null) ? task.getAssignee() : UNKNOWN;
	}

}
