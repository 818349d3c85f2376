package io.returnsdesk.notification;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * A message to a user or to every member of a group, about a document.
 */
@Entity
public class Notification {

	static final int MAX_BODY = 4000;

	static final int MAX_FACTS = 8000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String recipientUser;

	private String recipientGroup;

	@Enumerated(EnumType.STRING)
	private NotificationKind kind;

	private String subject;

	private String body;

	private String reference;

	private Instant createdAt;

	private Instant readAt;

	private String facts;

	// the store of the return it is about: a user bound to other stores does not read it
	private String storeCode;

	protected Notification() {
	}

	Notification(String recipientUser, String recipientGroup, NotificationKind kind, String subject, String body,
			String reference, String storeCode, Instant createdAt, String facts) {
		this.recipientUser = recipientUser;
		this.recipientGroup = recipientGroup;
		this.kind = kind;
		this.subject = subject;
		this.body = body;
		this.reference = reference;
		this.storeCode = storeCode;
		this.createdAt = createdAt;
		this.facts = facts;
	}

	public Long getId() {
		return this.id;
	}

	public String getRecipientUser() {
		return this.recipientUser;
	}

	public String getRecipientGroup() {
		return this.recipientGroup;
	}

	public NotificationKind getKind() {
		return this.kind;
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

	/** The store of the document it is about; null for news of no one store. */
	public String getStoreCode() {
		return this.storeCode;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getReadAt() {
		return this.readAt;
	}

	/**
	 * What it tells, as JSON, for its template; null when written before there were any.
	 */
	String getFacts() {
		return this.facts;
	}

}
