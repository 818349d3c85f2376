package io.returnsdesk.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.returnsdesk.webhooks.internal.TargetGuard;
import io.returnsdesk.webhooks.internal.TargetGuard.TargetRefusedException;
import io.returnsdesk.webhooks.internal.WebhookDeliveries;
import io.returnsdesk.webhooks.internal.WebhookDelivery;
import io.returnsdesk.webhooks.internal.WebhookSubscription;
import io.returnsdesk.webhooks.internal.WebhookSubscriptions;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The webhooks as administrators keep them: subscribe a URL to events, list and delete
 * subscriptions, read the deliveries and redeliver a dead letter. A secret is never
 * answered.
 */
@Service
public class Webhooks {

	/** The shortest secret a subscription takes. */
	public static final int MIN_SECRET = 16;

	/** The longest secret a subscription takes. */
	public static final int MAX_SECRET = 200;

	/** The longest URL a subscription takes. */
	public static final int MAX_URL = 2000;

	private final WebhookSubscriptions subscriptions;

	private final WebhookDeliveries deliveries;

	private final TargetGuard guard;

	private final Clock clock;

	Webhooks(WebhookSubscriptions subscriptions, WebhookDeliveries deliveries, TargetGuard guard, Clock clock) {
		this.subscriptions = subscriptions;
		this.deliveries = deliveries;
		this.guard = guard;
		this.clock = clock;
	}

	/**
	 * Subscribes a URL to events, its deliveries signed with the secret.
	 * @throws WebhookRefusedException when the URL, the events or the secret will not do,
	 * or the URL's host is on the machine or a private network
	 */
	@Transactional
	public WebhookSubscriptionView subscribe(String url, List<String> events, String secret, String createdBy) {
		URI target = target(url);
		List<WebhookEvent> types = events(events);
		if (secret == null || secret.length() < MIN_SECRET || secret.length() > MAX_SECRET) {
			throw new WebhookRefusedException("secret", "The secret must have %d to %d characters%s"
				.formatted(MIN_SECRET, MAX_SECRET, (secret == null) ? "" : "; it has " + secret.length()));
		}
		try {
			this.guard.check(target);
		}
		catch (TargetRefusedException ex) {
			throw new WebhookRefusedException("url", ex.getMessage());
		}
		return view(this.subscriptions
			.save(new WebhookSubscription(target.toString(), types, secret, createdBy, this.clock.instant())));
	}

	/** The subscriptions, oldest first. */
	@Transactional(readOnly = true)
	public List<WebhookSubscriptionView> subscriptions() {
		return this.subscriptions.findByActiveTrueOrderById().stream().map(Webhooks::view).toList();
	}

	/**
	 * Deletes a subscription: it receives no more events, and its pending deliveries stop
	 * (DEAD, saying why).
	 * @throws WebhookNotFoundException when there is no such subscription
	 */
	@Transactional
	public void unsubscribe(long id) {
		WebhookSubscription subscription = this.subscriptions.findById(id)
			.filter(WebhookSubscription::isActive)
			.orElseThrow(() -> new WebhookNotFoundException("There is no webhook %d".formatted(id)));
		subscription.delete(this.clock.instant());
		this.deliveries.findBySubscriptionIdAndState(id, DeliveryState.PENDING)
			.forEach(WebhookDelivery::subscriptionDeleted);
	}

	/** The deliveries in a state (all where null), as the pageable sorts them. */
	@Transactional(readOnly = true)
	public Page<WebhookDeliveryView> deliveries(DeliveryState state, Pageable pageable) {
		Page<WebhookDelivery> page = (state != null) ? this.deliveries.findByState(state, pageable)
				: this.deliveries.findAll(pageable);
		Map<Long, String> urls = this.subscriptions
			.findAllById(page.getContent().stream().map(WebhookDelivery::getSubscriptionId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(WebhookSubscription::getId, WebhookSubscription::getUrl));
		return page.map((delivery) -> view(delivery, urls::get));
	}

	/**
	 * Sends a DEAD or DELIVERED delivery again, due at once, with the same event id and
	 * body.
	 * @throws WebhookNotFoundException when there is no such delivery
	 * @throws WebhookStateException when it is still pending, or its subscription was
	 * deleted
	 */
	@Transactional
	public WebhookDeliveryView redeliver(long id) {
		WebhookDelivery delivery = this.deliveries.findById(id)
			.orElseThrow(() -> new WebhookNotFoundException("There is no webhook delivery %d".formatted(id)));
		if (delivery.getState() == DeliveryState.PENDING) {
			throw new WebhookStateException(
					"Webhook delivery %d is PENDING; only a DEAD or DELIVERED one can be delivered again"
						.formatted(id));
		}
		WebhookSubscription subscription = this.subscriptions.findById(delivery.getSubscriptionId()).orElseThrow();
		if (!subscription.isActive()) {
			throw new WebhookStateException("The webhook %d of delivery %d was deleted; it receives nothing more"
				.formatted(subscription.getId(), id));
		}
		delivery.redeliver(this.clock.instant());
		return view(delivery, (subscriptionId) -> subscription.getUrl());
	}

	private static URI target(String url) {
		if (url == null || url.isBlank()) {
			throw new WebhookRefusedException("url", "Give the URL the events are POSTed to");
		}
		if (url.length() > MAX_URL) {
			throw new WebhookRefusedException("url", "The URL is longer than %d characters".formatted(MAX_URL));
		}
		URI target;
		try {
			target = new URI(url.strip());
		}
		catch (URISyntaxException ex) {
			throw new WebhookRefusedException("url", "'%s' is not a URL: %s".formatted(shown(url), ex.getReason()));
		}
		String scheme = (target.getScheme() != null) ? target.getScheme().toLowerCase(Locale.ROOT) : null;
		if (!target.isAbsolute() || !("http".equals(scheme) || "https".equals(scheme)) || target.getHost() == null) {
			throw new WebhookRefusedException("url",
					"'%s' is not an absolute http or https URL, such as https://erp.example.com/returns/events"
						.formatted(shown(url)));
		}
		if (target.getRawUserInfo() != null) {
			throw new WebhookRefusedException("url", "The URL must not hold a user or password; sign with the secret");
		}
		if (target.getRawFragment() != null) {
			throw new WebhookRefusedException("url", "The URL must not have a fragment (#…)");
		}
		return target;
	}

	private static List<WebhookEvent> events(List<String> events) {
		if (events == null || events.isEmpty()) {
			throw new WebhookRefusedException("events",
					"Name at least one event: " + String.join(", ", WebhookEvent.codes()));
		}
		List<WebhookEvent> types = new ArrayList<>();
		for (String code : events) {
			WebhookEvent type = WebhookEvent.of(code)
				.orElseThrow(() -> new WebhookRefusedException("events", "'%s' is not an event; choose among %s"
					.formatted(shown(code), String.join(", ", WebhookEvent.codes()))));
			if (!types.contains(type)) {
				types.add(type);
			}
		}
		return types;
	}

	// a value sent back in a message, at most 60 characters of it
	private static String shown(String value) {
		return (value != null && value.length() > 60) ? value.substring(0, 60) + "…" : value;
	}

	private static WebhookSubscriptionView view(WebhookSubscription subscription) {
		return new WebhookSubscriptionView(subscription.getId(), subscription.getUrl(), subscription.events(),
				subscription.getCreatedBy(), subscription.getCreatedAt());
	}

	private static WebhookDeliveryView view(WebhookDelivery delivery, Function<Long, String> urls) {
		return new WebhookDeliveryView(delivery.getId(), delivery.getSubscriptionId(),
				urls.apply(delivery.getSubscriptionId()), delivery.getEventId(), delivery.getEventType(),
				delivery.getReturnNumber(), delivery.getOccurredAt(), delivery.getState(), delivery.getAttempts(),
				(delivery.getState() == DeliveryState.PENDING) ? delivery.getNextAttemptAt() : null,
				delivery.getLastStatus(), delivery.getLastError(), delivery.getCreatedAt(), delivery.getDeliveredAt());
	}

}
