package io.returnsdesk.returns.process;

import io.returnsdesk.engine.EngineCommands;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Four eyes: whoever requested a return cannot approve it, whichever groups they are in.
 * As the approval task is created, the engine is told to refuse the requester that task
 * (an authorization that revokes reading and working it, which wins over their groups'
 * grants), so Tasklist does not show it to them and {@code /engine-rest} answers 403. As
 * it completes, the requester is refused again, for callers of the Java API that the
 * engine does not check; nothing of the refused completion is kept.
 */
@Component
class FourEyesListener implements TaskListener {

	private static final Logger log = LoggerFactory.getLogger(FourEyesListener.class);

	private final EngineCommands engine;

	FourEyesListener(EngineCommands engine) {
		this.engine = engine;
	}

	@Override
	public void notify(DelegateTask task) {
		String requester = ProcessVariables.string(task, ReturnProcess.VAR_REQUESTED_BY);
		if (requester == null) {
			return;
		}
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			refuseTaskTo(task, requester);
			return;
		}
		String actor = TaskActors.of(task);
		if (actor.equals(requester)) {
			log.warn("Refused: {} tried to decide on return {} that they requested", actor,
					task.getVariable(ReturnProcess.VAR_RETURN_NUMBER));
			throw new AuthorizationException(
					"%s requested return %s and cannot also approve it: another approver must decide".formatted(actor,
							task.getVariable(ReturnProcess.VAR_RETURN_NUMBER)));
		}
	}

	private void refuseTaskTo(DelegateTask task, String requester) {
		AuthorizationService authorizations = task.getProcessEngineServices().getAuthorizationService();
		Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
		revoke.setUserId(requester);
		revoke.setResource(Resources.TASK);
		revoke.setResourceId(task.getId());
		revoke.removePermission(Permissions.READ);
		revoke.removePermission(Permissions.UPDATE);
		revoke.removePermission(Permissions.TASK_WORK);
		revoke.removePermission(Permissions.TASK_ASSIGN);
		// whoever's step created the task may not write authorizations themselves
		this.engine.asTheApplication(() -> authorizations.saveAuthorization(revoke));
	}

}
