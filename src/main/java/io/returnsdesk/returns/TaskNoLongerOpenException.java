package io.returnsdesk.returns;

/**
 * Thrown when a user completes a task that has been completed already, most often by
 * another user a moment before: the return has moved on, this user's decision changed
 * nothing, and reloading the task list shows where it stands now.
 */
public class TaskNoLongerOpenException extends RuntimeException {

	public TaskNoLongerOpenException(String taskId, String taskName, String completedBy) {
		super("The task '%s' (%s) is no longer open: %s completed it. ".formatted(taskName, taskId, completedBy)
				+ "Your decision changed nothing; reload the task list.");
	}

}
