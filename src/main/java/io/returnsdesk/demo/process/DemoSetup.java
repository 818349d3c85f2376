package io.returnsdesk.demo.process;

import io.returnsdesk.demo.DemoCatalog;
import io.returnsdesk.reporting.process.ReturnRateReviewProcess;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * In the demo profile: makes sure the demo users exist, and seeds the demo data once, on
 * the first start against an empty database, with a first run of the return-rate review.
 */
@Component
@Profile("demo")
class DemoSetup implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoSetup.class);

	private final DemoIdentities identities;

	private final DemoCatalog catalog;

	private final DemoReturns returns;

	private final ProcessEngineConfigurationImpl engine;

	private final boolean atStartup;

	DemoSetup(DemoIdentities identities, DemoCatalog catalog, DemoReturns returns,
			ProcessEngineConfigurationImpl engine, @Value("${returns.demo.seed-at-startup:true}") boolean atStartup) {
		this.identities = identities;
		this.catalog = catalog;
		this.returns = returns;
		this.engine = engine;
		this.atStartup = atStartup;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.atStartup) {
			seed();
		}
	}

	/** Creates what is missing: users and filters at every start, the data only once. */
	void seed() {
		this.identities.ensure();
		if (this.catalog.isSeeded()) {
			return;
		}
		long started = System.nanoTime();
		// the seeding moves the engine's clock through the past; no job may run meanwhile
		JobExecutor jobs = this.engine.getJobExecutor();
		boolean wasActive = jobs != null && jobs.isActive();
		if (wasActive) {
			jobs.shutdown();
		}
		try {
			this.catalog.seed();
			this.returns.seed();
			// this morning's review, as its timer would have run it: the hot product
			// waits in Tasklist for the analysts
			this.engine.getRuntimeService().startProcessInstanceByKey(ReturnRateReviewProcess.PROCESS_KEY);
		}
		finally {
			if (wasActive) {
				jobs.start();
			}
		}
		log.info("Demo data seeded in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

}
