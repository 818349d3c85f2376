package io.returnsdesk.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins counted per user and address, per address and per user: past a few free
 * failures a key waits before its next try, one second after the first failure too many,
 * doubling with each further one, at most a minute; a correct login clears its user and
 * address, and a key's failures are forgotten a quarter of an hour after its last. So a
 * guesser is slowed at once, an office behind one address is not held up by one
 * colleague's typos, and a user's correct password from another address works however
 * many times someone else failed theirs (until the failures for that user, from every
 * address, pass {@value #FREE_PER_USER}). Kept in the node's memory: each node counts its
 * own.
 */
final class LoginThrottle {

	/** Failures a user may have from one address before waiting. */
	static final int FREE_PER_USER_AND_ADDRESS = 5;

	/** Failures one address may have, whatever the users, before waiting. */
	static final int FREE_PER_ADDRESS = 20;

	/** Failures one user may have, from every address, before waiting. */
	static final int FREE_PER_USER = 50;

	static final Duration LONGEST_WAIT = Duration.ofMinutes(1);

	static final Duration FORGOTTEN_AFTER = Duration.ofMinutes(15);

	/** Keys kept before the forgotten ones are swept out. */
	private static final int SWEEP_ABOVE = 10_000;

	private final Map<String, Failures> failures = new ConcurrentHashMap<>();

	private final Clock clock;

	LoginThrottle(Clock clock) {
		this.clock = clock;
	}

	/**
	 * How long the user must wait before trying from the address; zero when they need
	 * not.
	 */
	Duration waitBeforeTrying(String user, String address) {
		Instant now = this.clock.instant();
		Duration wait = waitOf(userAndAddress(user, address), FREE_PER_USER_AND_ADDRESS, now);
		wait = longer(wait, waitOf(address(address), FREE_PER_ADDRESS, now));
		return longer(wait, waitOf(user(user), FREE_PER_USER, now));
	}

	void failed(String user, String address) {
		Instant now = this.clock.instant();
		if (this.failures.size() > SWEEP_ABOVE) {
			this.failures.values().removeIf((failed) -> failed.isForgotten(now));
		}
		for (String key : new String[] { userAndAddress(user, address), address(address), user(user) }) {
			this.failures.compute(key, (k, failed) -> (failed == null || failed.isForgotten(now)) ? new Failures(1, now)
					: new Failures(failed.count() + 1, now));
		}
	}

	void succeeded(String user, String address) {
		this.failures.remove(userAndAddress(user, address));
	}

	private Duration waitOf(String key, int free, Instant now) {
		Failures failed = this.failures.get(key);
		if (failed == null || failed.isForgotten(now) || failed.count() < free) {
			return Duration.ZERO;
		}
		int beyond = Math.min(failed.count() - free, 6);
		Duration wait = Duration.ofSeconds(1L << beyond);
		if (wait.compareTo(LONGEST_WAIT) > 0) {
			wait = LONGEST_WAIT;
		}
		Duration left = Duration.between(now, failed.last().plus(wait));
		return left.isNegative() ? Duration.ZERO : left;
	}

	private static Duration longer(Duration one, Duration other) {
		return (one.compareTo(other) >= 0) ? one : other;
	}

	private static String userAndAddress(String user, String address) {
		return "user+address:" + user + "\n" + address;
	}

	private static String address(String address) {
		return "address:" + address;
	}

	private static String user(String user) {
		return "user:" + user;
	}

	private record Failures(int count, Instant last) {

		boolean isForgotten(Instant now) {
			return this.last.plus(FORGOTTEN_AFTER).isBefore(now);
		}

	}

}
