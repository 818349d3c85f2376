package io.returnsdesk.notification;

/**
 * Where a mail of the outbox stands.
 */
public enum MailStatus {

	/** Waiting to be sent, now or at its next attempt. */
	PENDING,
	/** Accepted by the mail server. */
	SENT,
	/** Given up after the most attempts; an administrator can queue it again. */
	FAILED

}
