package io.returnsdesk.returns.process;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;

import org.springframework.stereotype.Component;

/**
 * What waits in the engine, read at each scrape: open incidents of the return process
 * ({@code returns_incidents}) and confirmed returns whose posting job has not run yet
 * ({@code returns_postings_waiting}).
 */
@Component
class ProcessMetrics implements MeterBinder {

	private final RuntimeService runtime;

	private final ManagementService management;

	ProcessMetrics(RuntimeService runtime, ManagementService management) {
		this.runtime = runtime;
		this.management = management;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge
			.builder("returns.incidents",
					() -> this.runtime.createIncidentQuery().processDefinitionKeyIn(ReturnProcess.PROCESS_KEY).count())
			.description("Open incidents of the return process (see Cockpit)")
			.register(registry);
		Gauge
			.builder("returns.postings.waiting",
					() -> this.management.createJobQuery()
						.processDefinitionKey(ReturnProcess.PROCESS_KEY)
						.activityId(ReturnProcess.TASK_POST_STOCK_MOVEMENTS)
						.count())
			.description("Confirmed returns waiting for their postings")
			.register(registry);
	}

}
