package io.returnsdesk.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.stereotype.Component;

/**
 * The rate limit of the public door: a token bucket (Bucket4j) per client address and one
 * per order or return number named, kept in the node's memory. A call spends a token of
 * both; when either is empty it is refused with the seconds until a token is back.
 * Buckets that are full again are swept out when there are many, so that the memory stays
 * bounded by what a period's calls can fill.
 */
@Component
class PublicDoor {

	/** Buckets kept before the full ones are swept out. */
	private static final int SWEEP_ABOVE = 10_000;

	private final PublicDoorSettings settings;

	private final Map<String, Limited> buckets = new ConcurrentHashMap<>();

	PublicDoor(PublicDoorSettings settings) {
		this.settings = settings;
	}

	/**
	 * Spends a call of the address and of the number.
	 * @throws TooManyCallsException when either has none left
	 */
	void enter(String address, String number) {
		sweep();
		ConsumptionProbe byAddress = bucket("address:" + address, this.settings.perAddress())
			.tryConsumeAndReturnRemaining(1);
		String key = (number != null) ? number.strip() : "";
		ConsumptionProbe byNumber = bucket("number:" + key, this.settings.perNumber()).tryConsumeAndReturnRemaining(1);
		if (!byAddress.isConsumed() || !byNumber.isConsumed()) {
			long nanos = Math.max(byAddress.getNanosToWaitForRefill(), byNumber.getNanosToWaitForRefill());
			throw new TooManyCallsException(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
		}
	}

	private Bucket bucket(String key, PublicDoorSettings.Limit limit) {
		return this.buckets
			.computeIfAbsent(key, (k) -> new Limited(limit.calls(), Bucket.builder()
				.addLimit(
						Bandwidth.builder().capacity(limit.calls()).refillGreedy(limit.calls(), limit.period()).build())
				.build()))
			.bucket();
	}

	private void sweep() {
		if (this.buckets.size() > SWEEP_ABOVE) {
			// a full bucket is one that has not been spent from for a period: as new
			this.buckets.values().removeIf((limited) -> limited.bucket().getAvailableTokens() >= limited.capacity());
		}
	}

	private record Limited(long capacity, Bucket bucket) {

	}

	/** A call refused by the rate limit: try again after this many seconds. */
	static final class TooManyCallsException extends RuntimeException {

		private final long retryAfterSeconds;

		TooManyCallsException(long retryAfterSeconds) {
			super("Too many requests from this address or about this number: try again in %d s"
				.formatted(retryAfterSeconds), null, false, false);
			this.retryAfterSeconds = retryAfterSeconds;
		}

		long getRetryAfterSeconds() {
			return this.retryAfterSeconds;
		}

	}

}
