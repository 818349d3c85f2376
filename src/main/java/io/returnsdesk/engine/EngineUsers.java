package io.returnsdesk.engine;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who the engine knows as logged in: in Tasklist, Cockpit or at {@code /engine-rest}. */
public final class EngineUsers {

	private EngineUsers() {
	}

	/** The id of the user logged in to the engine, or null when none is. */
	public static String current(ProcessEngineServices engine) {
		Authentication authentication = engine.getIdentityService().getCurrentAuthentication();
		return (authentication != null) ? authentication.getUserId() : null;
	}

}
