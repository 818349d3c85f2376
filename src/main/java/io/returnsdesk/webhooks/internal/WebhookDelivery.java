package io.returnsdesk.webhooks.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.returnsdesk.webhooks.DeliveryState;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One event for one subscriber: written with the change that caused it, sent after the
 * commit, with the same event id and body on every try. While a worker sends it, it is
 * claimed (a token) until its lease runs out; a worker that dies mid-delivery leaves it
 * claimed, and once the lease has run out the next worker sends it again.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

	static final int MAX_ERROR = 1000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long subscriptionId;

	private UUID eventId;

	private String eventType;

	private String returnNumber;

	private Instant occurredAt;

	private String body;

	@Enumerated(EnumType.STRING)
	private DeliveryState state;

	private int attempts;

	private Instant nextAttemptAt;

	private UUID claimToken;

	private Integer lastStatus;

	private String lastError;

	private Instant createdAt;

	private Instant deliveredAt;

	protected WebhookDelivery() {
	}

	WebhookDelivery(long subscriptionId, UUID eventId, String eventType, String returnNumber, Instant occurredAt,
			String body) {
		this.subscriptionId = subscriptionId;
		this.eventId = eventId;
		this.eventType = eventType;
		this.returnNumber = returnNumber;
		this.occurredAt = occurredAt;
		this.body = body;
		this.state = DeliveryState.PENDING;
		this.attempts = 0;
		this.nextAttemptAt = occurredAt;
		this.createdAt = occurredAt;
	}

	/** Whether a worker claimed it and has recorded no outcome yet. */
	boolean claimed() {
		return this.claimToken != null;
	}

	/**
	 * The worker that claimed it recorded nothing before its lease ran out (it may have
	 * died mid-delivery, the subscriber may have the event): that counts as a failed try,
	 * so that an event that kills every worker ends as a dead letter.
	 */
	void leaseRanOut(int maxAttempts) {
		requirePending();
		this.attempts++;
		this.claimToken = null;
		this.lastError = "No outcome was recorded before the lease ran out (the node may have stopped mid-delivery)";
		if (this.attempts >= maxAttempts) {
			this.state = DeliveryState.DEAD;
		}
	}

	/** A worker takes it for the lease, under a token of its own. */
	void claim(UUID token, Instant leaseEnd) {
		requirePending();
		this.claimToken = token;
		this.nextAttemptAt = leaseEnd;
	}

	/**
	 * Whether the worker's claim still holds: not given up, deleted or redelivered since.
	 */
	boolean heldBy(UUID token) {
		return this.state == DeliveryState.PENDING && token.equals(this.claimToken);
	}

	/** The subscriber answered 2xx. */
	void delivered(int status, Instant at) {
		requirePending();
		this.attempts++;
		this.state = DeliveryState.DELIVERED;
		this.lastStatus = status;
		this.lastError = null;
		this.claimToken = null;
		this.deliveredAt = at;
	}

	/**
	 * A try failed: it waits the given time for the next, or is DEAD after the most
	 * attempts.
	 */
	void attemptFailed(Integer status, String error, Instant at, int maxAttempts, Duration wait) {
		requirePending();
		this.attempts++;
		this.lastStatus = status;
		this.lastError = cut(error);
		this.claimToken = null;
		if (this.attempts >= maxAttempts) {
			this.state = DeliveryState.DEAD;
		}
		else {
			this.nextAttemptAt = at.plus(wait);
		}
	}

	/** Its subscription was deleted: it is not sent. */
	public void subscriptionDeleted() {
		if (this.state == DeliveryState.PENDING) {
			this.state = DeliveryState.DEAD;
			this.claimToken = null;
			this.lastError = "The subscription was deleted";
		}
	}

	/** Sends it again, due at once, with the same event id and body. */
	public void redeliver(Instant at) {
		if (this.state == DeliveryState.PENDING) {
			throw new IllegalStateException("Delivery %d is PENDING".formatted(this.id));
		}
		this.state = DeliveryState.PENDING;
		this.attempts = 0;
		this.nextAttemptAt = at;
		this.claimToken = null;
		this.deliveredAt = null;
	}

	private void requirePending() {
		if (this.state != DeliveryState.PENDING) {
			throw new IllegalStateException("Delivery %d is %s, not PENDING".formatted(this.id, this.state));
		}
	}

	private static String cut(String text) {
		return (text != null && text.length() > MAX_ERROR) ? text.substring(0, MAX_ERROR - 1) + "…" : text;
	}

	public Long getId() {
		return this.id;
	}

	public Long getSubscriptionId() {
		return this.subscriptionId;
	}

	public UUID getEventId() {
		return this.eventId;
	}

	public String getEventType() {
		return this.eventType;
	}

	public String getReturnNumber() {
		return this.returnNumber;
	}

	public Instant getOccurredAt() {
		return this.occurredAt;
	}

	public String getBody() {
		return this.body;
	}

	public DeliveryState getState() {
		return this.state;
	}

	public int getAttempts() {
		return this.attempts;
	}

	public Instant getNextAttemptAt() {
		return this.nextAttemptAt;
	}

	public Integer getLastStatus() {
		return this.lastStatus;
	}

	public String getLastError() {
		return this.lastError;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getDeliveredAt() {
		return this.deliveredAt;
	}

}
