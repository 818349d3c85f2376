package io.returnsdesk.webhooks.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.returnsdesk.webhooks.WebhookEvent;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A URL that receives events of returns, signed with its secret; deleted, it stays
 * inactive for the deliveries that name it.
 */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String url;

	private String events;

	private String secret;

	private String createdBy;

	private Instant createdAt;

	private boolean active;

	private Instant deletedAt;

	protected WebhookSubscription() {
	}

	public WebhookSubscription(String url, List<WebhookEvent> events, String secret, String createdBy,
			Instant createdAt) {
		this.url = url;
		this.events = String.join(",", events.stream().map(WebhookEvent::code).toList());
		this.secret = secret;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
		this.active = true;
	}

	/** Whether it is active and receives the event. */
	public boolean receives(WebhookEvent event) {
		return this.active && events().contains(event.code());
	}

	/** Deletes it: it receives nothing more. */
	public void delete(Instant at) {
		this.active = false;
		this.deletedAt = at;
	}

	public List<String> events() {
		return Arrays.asList(this.events.split(","));
	}

	public Long getId() {
		return this.id;
	}

	public String getUrl() {
		return this.url;
	}

	public String getSecret() {
		return this.secret;
	}

	public String getCreatedBy() {
		return this.createdBy;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public boolean isActive() {
		return this.active;
	}

	public Instant getDeletedAt() {
		return this.deletedAt;
	}

}
