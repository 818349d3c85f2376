package io.returnsdesk.returns;

import java.time.Instant;
import java.util.List;

import org.springframework.lang.Nullable;

/**
 * Where the process of a return stands, with paths into Camunda's webapps.
 *
 * @param returnNumber the return, the process's business key
 * @param processInstanceId the engine's id of the process, null if the engine does not
 * know it (any more)
 * @param state the engine's state of the process: ACTIVE, SUSPENDED, COMPLETED,
 * EXTERNALLY_TERMINATED or INTERNALLY_TERMINATED
 * @param cockpitPath where Cockpit shows the process
 * @param openTasks the user tasks waiting now, oldest first
 */
public record ReturnProcessState(String returnNumber, @Nullable String processInstanceId, @Nullable String state,
		@Nullable String cockpitPath, List<OpenTask> openTasks) {

	/**
	 * A user task waiting for someone.
	 *
	 * @param id the engine's task id
	 * @param definitionKey the task's id in the model, e.g. {@code approveReturn}
	 * @param name the task's name
	 * @param assignee who has it, if anyone
	 * @param candidateGroups the groups who may take it
	 * @param candidateUsers the users who may take it
	 * @param created when it began waiting
	 * @param tasklistPath where Tasklist opens it
	 */
	public record OpenTask(String id, String definitionKey, @Nullable String name, @Nullable String assignee,
			List<String> candidateGroups, List<String> candidateUsers, Instant created, String tasklistPath) {

	}

}
