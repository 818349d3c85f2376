package io.returnsdesk.returns.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.returnsdesk.returns.ReturnStatus;
import io.returnsdesk.returns.ReturnSubmitted;
import jakarta.persistence.PostPersist;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts returns requested and each change of status ({@code returns_requested_total},
 * {@code returns_status_changes_total{status=…}} in Prometheus), once committed: a step
 * that rolls back counts nothing. Per node; Prometheus adds the nodes up.
 */
@Component
class ReturnMetrics {

	private final MeterRegistry registry;

	private final Counter requested;

	ReturnMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.requested = Counter.builder("returns.requested").description("Returns requested").register(registry);
		for (ReturnStatus status : ReturnStatus.values()) {
			statusChanges(status);
		}
	}

	@TransactionalEventListener
	void on(ReturnSubmitted submitted) {
		this.requested.increment();
	}

	/** Called by JPA as a return's status event is stored. */
	@PostPersist
	void stored(ReturnEvent event) {
		Counter counter = statusChanges(event.getStatus());
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					counter.increment();
				}
			});
		}
		else {
			counter.increment();
		}
	}

	private Counter statusChanges(ReturnStatus status) {
		return Counter.builder("returns.status.changes")
			.description("Returns that reached a status")
			.tag("status", status.name())
			.register(this.registry);
	}

}
