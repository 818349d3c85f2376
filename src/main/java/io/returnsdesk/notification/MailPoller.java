package io.returnsdesk.notification;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import io.returnsdesk.notification.Notifier.MailQueued;
import io.returnsdesk.notification.internal.MailSettings;
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
 * Sends the outbox in the background when {@code returns.mail.enabled} is on: every poll
 * interval, and at once after a transaction that queued mail has committed. One thread of
 * its own, so that a slow mail server holds up nothing else; several nodes may poll the
 * same database, since each claim skips the mails another holds.
 */
@Component
@ConditionalOnProperty(prefix = "returns.mail", name = "enabled", havingValue = "true")
class MailPoller implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(MailPoller.class);

	private final MailRelay relay;

	private final MailSettings settings;

	private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

	/** A poll is waiting to run: more commits in the meantime need no other. */
	private final AtomicBoolean pollWaiting = new AtomicBoolean();

	MailPoller(MailRelay relay, MailSettings settings) {
		this.relay = relay;
		this.settings = settings;
		this.scheduler.setThreadNamePrefix("mail-relay-");
		this.scheduler.setPoolSize(1);
		this.scheduler.initialize();
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		this.scheduler.scheduleWithFixedDelay(this::poll, Instant.now().plus(this.settings.pollInterval()),
				this.settings.pollInterval());
		log.info("Sending the outbox's mails every {}", this.settings.pollInterval());
	}

	// fallbackExecution: the notifier always runs in a transaction; should that change,
	// mail
	// still goes out
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(MailQueued queued) {
		if (this.pollWaiting.compareAndSet(false, true)) {
			this.scheduler.execute(this::poll);
		}
	}

	private void poll() {
		this.pollWaiting.set(false);
		try {
			this.relay.sendDue();
		}
		catch (RuntimeException ex) {
			// the database may be away for a moment; the next poll tries again
			log.warn("Could not send the outbox's mails: {}", ex.toString());
		}
	}

	@Override
	public void destroy() {
		this.scheduler.shutdown();
	}

}
