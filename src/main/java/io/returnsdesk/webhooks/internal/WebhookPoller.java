package io.returnsdesk.webhooks.internal;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Delivers the webhooks' outbox in the background when {@code returns.webhooks.enabled}
 * is on: every poll interval, and at once after a transaction that queued deliveries has
 * committed (never inside it). One thread of its own, so that a slow subscriber holds up
 * nothing else; several nodes may poll the same database, since each claim skips the rows
 * another holds.
 */
@Component
@ConditionalOnProperty(prefix = "returns.webhooks", name = "enabled", havingValue = "true", matchIfMissing = true)
class WebhookPoller implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(WebhookPoller.class);

	private final WebhookRelay relay;

	private final WebhookSettings settings;

	private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

	/** A poll is waiting to run: more commits in the meantime need no other. */
	private final AtomicBoolean pollWaiting = new AtomicBoolean();

	WebhookPoller(WebhookRelay relay, WebhookSettings settings) {
		this.relay = relay;
		this.settings = settings;
		this.scheduler.setThreadNamePrefix("webhook-relay-");
		this.scheduler.setPoolSize(1);
		this.scheduler.initialize();
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		this.scheduler.scheduleWithFixedDelay(this::poll, Instant.now().plus(this.settings.pollInterval()),
				this.settings.pollInterval());
		log.info("Delivering webhooks every {}", this.settings.pollInterval());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(WebhookQueued queued) {
		if (this.pollWaiting.compareAndSet(false, true)) {
			this.scheduler.execute(this::poll);
		}
	}

	private void poll() {
		this.pollWaiting.set(false);
		try {
			this.relay.deliverDue();
		}
		catch (RuntimeException ex) {
			// the database may be away for a moment; the next poll tries again
			log.warn("Could not deliver the webhooks: {}", ex.toString());
		}
	}

	@Override
	public void destroy() {
		this.scheduler.shutdown();
	}

}
