package io.returnsdesk.notification;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records notifications in the caller's transaction: a step that rolls back notifies
 * nobody.
 */
@Service
public class Notifier {

	private final NotificationRepository notifications;

	private final Clock clock;

	Notifier(NotificationRepository notifications, Clock clock) {
		this.notifications = notifications;
		this.clock = clock;
	}

	/** Tells each recipient the same news about a document. */
	@Transactional
	public void notify(List<Recipient> recipients, NotificationKind kind, String reference, String subject,
			String body) {
		recipients.forEach((recipient) -> this.notifications.save(new Notification(recipient.user(), recipient.group(),
				kind, subject, body, reference, this.clock.instant())));
	}

	/** The notifications about a document, oldest first. */
	@Transactional(readOnly = true)
	public List<Notification> about(String reference) {
		return this.notifications.findByReferenceOrderById(reference);
	}

}
