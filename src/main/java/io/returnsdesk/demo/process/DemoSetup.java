package io.returnsdesk.demo.process;

import io.returnsdesk.demo.internal.DemoCatalog;
import io.returnsdesk.engine.EngineCommands;
import io.returnsdesk.reporting.process.ReturnRateReviewProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In the demo profile: makes sure the demo users exist, and seeds the demo data once, on
 * the first start against an empty database, with a first run of the return-rate review.
 */
@Component
@Profile("demo")
// before the stores' groups and tenants are made sure of, so that the demo's have theirs
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class DemoSetup implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoSetup.class);

	private final DemoIdentities identities;

	private final DemoCatalog catalog;

	private final DemoReturns returns;

	private final EngineCommands engine;

	private final RuntimeService runtime;

	private final boolean atStartup;

	DemoSetup(DemoIdentities identities, DemoCatalog catalog, DemoReturns returns, EngineCommands engine,
			RuntimeService runtime, @Value("${returns.demo.seed-at-startup:true}") boolean atStartup) {
		this.identities = identities;
		this.catalog = catalog;
		this.returns = returns;
		this.engine = engine;
		this.runtime = runtime;
		this.atStartup = atStartup;
	}

	/** Tells who to log in as, once the application is ready. */
	@EventListener
	void on(ApplicationReadyEvent ready) {
		log.info("Demo users, each with the password '{}': {} (what each does: README, Demo users)",
				DemoIdentities.PASSWORD, String.join(", ", DemoIdentities.users()));
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
		long[] took = new long[4];
		took[0] = System.nanoTime();
		// the seeding moves the engine's clock through the past; no job may run meanwhile
		this.engine.withJobsPaused(() -> {
			this.catalog.seed();
			took[1] = System.nanoTime();
			this.returns.seed();
			took[2] = System.nanoTime();
			// this morning's review, as its timer would have run it: the hot product
			// waits in Tasklist for the analysts
			this.runtime.startProcessInstanceByKey(ReturnRateReviewProcess.PROCESS_KEY);
			took[3] = System.nanoTime();
		});
		log.info("Demo data seeded in {} ms (master data and orders {} ms, returns {} ms, review {} ms)",
				millis(took[0], System.nanoTime()), millis(took[0], took[1]), millis(took[1], took[2]),
				millis(took[2], took[3]));
	}

	private static long millis(long from, long to) {
		return (to - from) / 1_000_000;
	}

}
