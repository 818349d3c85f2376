package io.returnsdesk.webhooks.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the webhooks' delivery.
 *
 * @param enabled whether this node delivers in the background; the outbox is written
 * either way, and what waits goes out once it is on
 * @param pollInterval how often the outbox is looked at for deliveries that are due
 * @param batchSize how many deliveries one claim takes
 * @param maxAttempts after this many failed tries a delivery is DEAD
 * @param firstRetry the wait after the first failed try; it doubles with every further
 * one
 * @param maxRetry the longest wait between two tries
 * @param connectTimeout how long a connection to a subscriber may take
 * @param readTimeout how long a subscriber may take to answer
 * @param lease how long a claimed delivery is held for the worker that claimed it: after
 * that, should the worker have died mid-delivery, another sends it again with the same
 * id; longer than a connection and an answer may take
 * @param allowLoopback whether targets on loopback addresses are allowed (the demo
 * profile: a receiver on the same machine)
 * @param allowedHosts hosts (as written in the URL) allowed although they resolve to
 * loopback, private, link-local or unspecified addresses
 */
@ConfigurationProperties("returns.webhooks")
public record WebhookSettings(@DefaultValue("true") boolean enabled, @DefaultValue("5s") Duration pollInterval,
		@DefaultValue("10") int batchSize, @DefaultValue("8") int maxAttempts, @DefaultValue("30s") Duration firstRetry,
		@DefaultValue("1h") Duration maxRetry, @DefaultValue("2s") Duration connectTimeout,
		@DefaultValue("5s") Duration readTimeout, @DefaultValue("1m") Duration lease,
		@DefaultValue("false") boolean allowLoopback, @DefaultValue List<String> allowedHosts) {

	public WebhookSettings {
		if (batchSize < 1) {
			throw new IllegalArgumentException("returns.webhooks.batch-size must be 1 or more, not " + batchSize);
		}
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("returns.webhooks.max-attempts must be 1 or more, not " + maxAttempts);
		}
		if (firstRetry.isNegative() || firstRetry.isZero() || maxRetry.compareTo(firstRetry) < 0) {
			throw new IllegalArgumentException(
					"returns.webhooks.first-retry must be positive and returns.webhooks.max-retry no shorter");
		}
		if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative()
				|| readTimeout.isZero()) {
			throw new IllegalArgumentException("returns.webhooks.connect-timeout and read-timeout must be positive");
		}
		if (lease.compareTo(connectTimeout.plus(readTimeout)) <= 0) {
			throw new IllegalArgumentException(
					"returns.webhooks.lease (%s) must be longer than connect-timeout and read-timeout together (%s)"
						.formatted(lease, connectTimeout.plus(readTimeout)));
		}
		allowedHosts = (allowedHosts == null) ? List.of()
				: allowedHosts.stream()
					.map(String::strip)
					.filter((host) -> !host.isEmpty())
					.map((host) -> host.toLowerCase(Locale.ROOT))
					.toList();
	}

	/**
	 * The wait before the next try after the given number of failed ones: the first
	 * retry, doubled for each further failure, at most the longest wait.
	 */
	public Duration retryAfter(int failedAttempts) {
		Duration wait = this.firstRetry;
		for (int i = 1; i < failedAttempts && wait.compareTo(this.maxRetry) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(this.maxRetry) > 0) ? this.maxRetry : wait;
	}

}
