package io.returnsdesk.engine;

import java.util.concurrent.Callable;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;

import org.springframework.stereotype.Component;

/**
 * Work the application does in the engine past the current user's authorizations, and
 * pausing the engine's jobs.
 */
@Component
public class EngineCommands {

	private final ProcessEngineConfigurationImpl engine;

	EngineCommands(ProcessEngineConfigurationImpl engine) {
		this.engine = engine;
	}

	/**
	 * Does the work as the application, whoever is logged in (past their authorizations
	 * and their stores): in the engine's command that runs (a listener's, a delegate's),
	 * else in a new one that joins the caller's transaction.
	 */
	public <T> T asTheApplication(Callable<T> work) {
		return this.engine.getCommandExecutorTxRequired().execute((context) -> {
			boolean tenantCheck = context.isTenantCheckEnabled();
			context.disableTenantCheck();
			try {
				return context.runWithoutAuthorization(work);
			}
			finally {
				context.setTenantCheckEnabled(tenantCheck);
			}
		});
	}

	/** Does the work as the application, whoever is logged in. */
	public void asTheApplication(Runnable work) {
		asTheApplication(() -> {
			work.run();
			return null;
		});
	}

	/**
	 * Does the work while no job of this node runs (the demo seeding moves the engine's
	 * clock through the past), then lets the jobs run again if they ran before.
	 */
	public void withJobsPaused(Runnable work) {
		JobExecutor jobs = this.engine.getJobExecutor();
		boolean wasActive = jobs != null && jobs.isActive();
		if (wasActive) {
			jobs.shutdown();
		}
		try {
			work.run();
		}
		finally {
			if (wasActive) {
				jobs.start();
			}
		}
	}

}
