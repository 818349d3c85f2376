package io.returnsdesk.notification;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One e-mail to one address, written with the notification it tells and sent after the
 * commit; it keeps its tries, its last error and when it went out.
 */
@Entity
@Table(name = "mail_outbox")
public class OutboxMail {

	static final int MAX_SUBJECT = 300;

	static final int MAX_BODY = 8000;

	static final int MAX_ERROR = 1000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long notificationId;

	private String toAddress;

	private String recipientUser;

	private String language;

	private String subject;

	private String body;

	private String reference;

	@Enumerated(EnumType.STRING)
	private MailStatus status;

	private int attempts;

	private Instant nextAttemptAt;

	private String lastError;

	private Instant createdAt;

	private Instant sentAt;

	protected OutboxMail() {
	}

	OutboxMail(Long notificationId, String toAddress, String recipientUser, String language, String subject,
			String body, String reference, Instant createdAt) {
		this.notificationId = notificationId;
		this.toAddress = toAddress;
		this.recipientUser = recipientUser;
		this.language = language;
		this.subject = Texts.cut(Texts.oneLine(subject), MAX_SUBJECT);
		this.body = Texts.cut(body, MAX_BODY);
		this.reference = reference;
		this.status = MailStatus.PENDING;
		this.attempts = 0;
		this.nextAttemptAt = createdAt;
		this.createdAt = createdAt;
	}

	/** The mail server accepted it. */
	void sent(Instant at) {
		requirePending();
		this.status = MailStatus.SENT;
		this.sentAt = at;
		this.lastError = null;
	}

	/**
	 * A try failed for this mail: it waits the given time for the next, or fails for good
	 * after the most attempts.
	 */
	void attemptFailed(String error, Instant at, int maxAttempts, Duration wait) {
		requirePending();
		this.attempts++;
		this.lastError = Texts.cut(error, MAX_ERROR);
		if (this.attempts >= maxAttempts) {
			this.status = MailStatus.FAILED;
		}
		else {
			this.nextAttemptAt = at.plus(wait);
		}
	}

	/**
	 * The mail server could not be reached: not the mail's fault, so no attempt is
	 * counted; it stays due and goes out when the server is back.
	 */
	void serverUnavailable(String error) {
		requirePending();
		this.lastError = Texts.cut(error, MAX_ERROR);
	}

	/** Queues a failed mail again, due at once, with its attempts counted afresh. */
	void requeue(Instant at) {
		if (this.status != MailStatus.FAILED) {
			throw new IllegalStateException(
					"Mail %d is %s; only a FAILED mail is queued again".formatted(this.id, this.status));
		}
		this.status = MailStatus.PENDING;
		this.attempts = 0;
		this.nextAttemptAt = at;
	}

	private void requirePending() {
		if (this.status != MailStatus.PENDING) {
			throw new IllegalStateException("Mail %d is %s, not PENDING".formatted(this.id, this.status));
		}
	}

	public Long getId() {
		return this.id;
	}

	public Long getNotificationId() {
		return this.notificationId;
	}

	public String getToAddress() {
		return this.toAddress;
	}

	public String getRecipientUser() {
		return this.recipientUser;
	}

	public String getLanguage() {
		return this.language;
	}

	public String getSubject() {
		return this.subject;
	}

	public String getBody() {
		return this.body;
	}

	public String getReference() {
		return this.reference;
	}

	public MailStatus getStatus() {
		return this.status;
	}

	public int getAttempts() {
		return this.attempts;
	}

	public Instant getNextAttemptAt() {
		return this.nextAttemptAt;
	}

	public String getLastError() {
		return this.lastError;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getSentAt() {
		return this.sentAt;
	}

}
