package io.returnsdesk.webhooks.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.returnsdesk.webhooks.DeliveryState;
import io.returnsdesk.webhooks.internal.TargetGuard.TargetRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox's due deliveries. A claim (one short transaction) locks a batch of due
 * rows, skipping rows another worker holds, and marks each claimed with a token of its
 * own until its lease runs out; the POSTs go out after that commit, holding no connection
 * to the database; each outcome is recorded in a transaction of its own, only while the
 * claim still holds. A worker that dies mid-delivery leaves its rows claimed: once the
 * lease has run out they are due again and go out with the same event id and body, so a
 * subscriber that got the first try can tell the repeat by {@code X-Returns-Delivery}.
 */
@Component
public class WebhookRelay {

	/** The header naming the event. */
	public static final String EVENT = "X-Returns-Event";

	/** The header carrying the event's id. */
	public static final String DELIVERY = "X-Returns-Delivery";

	/** The header carrying the signature. */
	public static final String SIGNATURE = "X-Returns-Signature";

	private static final Logger log = LoggerFactory.getLogger(WebhookRelay.class);

	private final WebhookDeliveries deliveries;

	private final WebhookSubscriptions subscriptions;

	private final TargetGuard guard;

	private final WebhookSettings settings;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final HttpClient http;

	WebhookRelay(WebhookDeliveries deliveries, WebhookSubscriptions subscriptions, TargetGuard guard,
			WebhookSettings settings, PlatformTransactionManager transactions, Clock clock) {
		this.deliveries = deliveries;
		this.subscriptions = subscriptions;
		this.guard = guard;
		this.settings = settings;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
		// never a redirect: it would lead past the target guard
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(settings.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * Sends the deliveries that are due, a batch at a time, until none is due.
	 * @return how many the subscribers took (answered 2xx)
	 */
	public int deliverDue() {
		int delivered = 0;
		while (true) {
			List<Claim> claims = this.transaction.execute((status) -> claim());
			for (Claim claim : claims) {
				Outcome outcome = send(claim);
				if (outcome == null) {
					// interrupted: the lease runs out and another try sends it
					return delivered;
				}
				this.transaction.executeWithoutResult((status) -> record(claim, outcome));
				if (outcome.delivered()) {
					delivered++;
				}
			}
			if (claims.size() < this.settings.batchSize()) {
				return delivered;
			}
		}
	}

	private List<Claim> claim() {
		Instant now = this.clock.instant();
		List<Claim> claims = new ArrayList<>();
		for (WebhookDelivery delivery : this.deliveries.claimDue(now, this.settings.batchSize())) {
			if (delivery.claimed()) {
				log.warn(
						"Webhook delivery {} (event {} {}) was claimed and its lease ran out without an outcome: "
								+ "sending it again with the same id",
						delivery.getId(), delivery.getEventType(), delivery.getEventId());
				delivery.leaseRanOut(this.settings.maxAttempts());
				if (delivery.getState() == DeliveryState.DEAD) {
					log.warn("Webhook delivery {} is DEAD after {} attempts", delivery.getId(), delivery.getAttempts());
					continue;
				}
			}
			WebhookSubscription subscription = this.subscriptions.findById(delivery.getSubscriptionId()).orElseThrow();
			UUID token = UUID.randomUUID();
			delivery.claim(token, now.plus(this.settings.lease()));
			claims.add(new Claim(delivery.getId(), token, subscription.getUrl(), subscription.getSecret(),
					delivery.getEventId(), delivery.getEventType(), delivery.getBody()));
		}
		return claims;
	}

	private Outcome send(Claim claim) {
		URI target;
		try {
			target = URI.create(claim.url());
			this.guard.check(target);
		}
		catch (TargetRefusedException | IllegalArgumentException ex) {
			return new Outcome(false, null, "Refused by the target guard: " + ex.getMessage());
		}
		byte[] body = claim.body().getBytes(StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(target)
			.timeout(this.settings.readTimeout())
			.header("Content-Type", "application/json")
			.header("User-Agent", "returns-desk-webhooks")
			.header(EVENT, claim.type())
			.header(DELIVERY, claim.eventId().toString())
			.header(SIGNATURE, WebhookSignature.of(body, claim.secret()))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		try {
			HttpResponse<InputStream> response = this.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
			// the answer's body is not read: a subscriber's status is all that counts
			response.body().close();
			int status = response.statusCode();
			return (status >= 200 && status < 300) ? new Outcome(true, status, null)
					: new Outcome(false, status, "The subscriber answered HTTP " + status);
		}
		catch (HttpConnectTimeoutException ex) {
			return new Outcome(false, null, "No connection within " + this.settings.connectTimeout());
		}
		catch (HttpTimeoutException ex) {
			return new Outcome(false, null, "No answer within " + this.settings.readTimeout());
		}
		catch (ConnectException ex) {
			return new Outcome(false, null, "Could not connect: " + describe(ex));
		}
		catch (IOException ex) {
			return new Outcome(false, null, "The request failed: " + describe(ex));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	private void record(Claim claim, Outcome outcome) {
		Instant now = this.clock.instant();
		WebhookDelivery delivery = this.deliveries.findById(claim.id()).orElse(null);
		if (delivery == null || !delivery.heldBy(claim.token())) {
			// deleted, redelivered or taken over since the claim: that state stands
			log.info("Webhook delivery {} changed while it was sent; its outcome ({}) is not recorded", claim.id(),
					outcome);
			return;
		}
		if (outcome.delivered()) {
			delivery.delivered(outcome.status(), now);
			return;
		}
		delivery.attemptFailed(outcome.status(), outcome.error(), now, this.settings.maxAttempts(),
				this.settings.retryAfter(delivery.getAttempts() + 1));
		if (delivery.getState() == DeliveryState.DEAD) {
			log.warn("Webhook delivery {} of event {} to {} is DEAD after {} attempts: {}", delivery.getId(),
					claim.eventId(), claim.url(), delivery.getAttempts(), outcome.error());
		}
		else {
			log.info("Webhook delivery {} of event {} to {} failed (attempt {}), next at {}: {}", delivery.getId(),
					claim.eventId(), claim.url(), delivery.getAttempts(), delivery.getNextAttemptAt(), outcome.error());
		}
	}

	private static String describe(Throwable error) {
		StringBuilder text = new StringBuilder();
		for (Throwable cause = error; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
			String message = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
			if (!text.toString().contains(message)) {
				text.append((text.length() > 0) ? "; " : "").append(message);
			}
		}
		return text.toString();
	}

	/** What a claim hands to the sending: all it needs, read in the claim. */
	private record Claim(long id, UUID token, String url, String secret, UUID eventId, String type, String body) {

		@Override
		public String toString() {
			// never the secret in a log
			return "Claim[id=%d, eventId=%s, type=%s, url=%s]".formatted(this.id, this.eventId, this.type, this.url);
		}

	}

	/** What a try came to. */
	private record Outcome(boolean delivered, Integer status, String error) {

	}

}
