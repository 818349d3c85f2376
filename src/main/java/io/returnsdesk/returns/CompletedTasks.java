package io.returnsdesk.returns;

import java.util.Optional;

/**
 * Tells a task that has been completed from one that never was, for the answer to a user
 * who completes it again: two users who complete one task at once both pass the engine's
 * first checks, and the loser then fails on whatever the winner changed first (the task's
 * authorizations, its variables, its row).
 */
public interface CompletedTasks {

	/** The refusal for completing the task, if it has been completed. */
	Optional<TaskNoLongerOpenException> refusalToComplete(String taskId);

}
