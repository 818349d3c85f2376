package io.returnsdesk.returns.process;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Four eyes: whoever requested a return cannot approve it, whichever groups they are in.
 * Refuses the completion, so nothing of it is kept.
 */
@Component
class FourEyesListener implements TaskListener {

	private static final Logger log = LoggerFactory.getLogger(FourEyesListener.class);

	@Override
	public void notify(DelegateTask task) {
		String actor = TaskActors.of(task);
		String requester = ProcessVariables.string(task, ReturnProcess.VAR_REQUESTED_BY);
		if (actor.equals(requester)) {
			log.warn("Refused: {} tried to decide on return {} that they requested", actor,
					task.getVariable(ReturnProcess.VAR_RETURN_NUMBER));
			throw new AuthorizationException(
					"%s requested return %s and cannot also approve it: another approver must decide".formatted(actor,
							task.getVariable(ReturnProcess.VAR_RETURN_NUMBER)));
		}
	}

}
