package io.returnsdesk.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code Idempotency-Key} of the writing calls: a request sent again with the key of
 * an earlier one (a client that lost the answer and retries) gets the earlier answer
 * again, and nothing is done twice.
 *
 * <p>
 * The key is claimed by a row inserted before the call runs, in the call's transaction,
 * and the answer is written into that row at its end: a refused or failed call rolls back
 * and leaves no key, and a second request with the key waits on the row's unique index
 * until the first has committed, then answers what the first answered. Keys are per user
 * and kept {@link #KEPT 24 hours}; each request with a key first deletes the keys that
 * have expired, in a transaction of its own.
 */
@Component
class Idempotency {

	/** The request header. */
	static final String HEADER = "Idempotency-Key";

	/** What the header means, for the API's description. */
	static final String DESCRIPTION = "Up to 100 visible ASCII characters (a UUID, say), chosen by the client for this "
			+ "request. Sent again with the same request within 24 hours, by the same user, the call is not done "
			+ "again: the first answer comes back (same status, Location and body) with Idempotent-Replayed: true. "
			+ "The same key with another request is a 422; a malformed key a 400. A refused request keeps no key.";

	/** Marks an answer that was given before and is given again. */
	static final String REPLAYED = "Idempotent-Replayed";

	static final Duration KEPT = Duration.ofHours(24);

	static final int MAX_LENGTH = 100;

	private static final Logger log = LoggerFactory.getLogger(Idempotency.class);

	private final IdempotencyKeys keys;

	private final TransactionTemplate transaction;

	private final ObjectMapper json;

	private final Clock clock;

	Idempotency(IdempotencyKeys keys, TransactionTemplate transaction, ObjectMapper json, Clock clock) {
		this.keys = keys;
		this.transaction = transaction;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Answers the call, or, when the user sent this key with this request before, what it
	 * answered then. Without a key the call simply runs.
	 * @param user who asks
	 * @param key the header's value, or null
	 * @param method and {@code path} and {@code body}: the request the key stands for
	 * @param call does the work and answers; runs in the transaction that keeps the key
	 */
	ResponseEntity<?> answer(String user, String key, HttpMethod method, String path, Object body,
			Supplier<ResponseEntity<?>> call) {
		if (key == null) {
			return call.get();
		}
		checkFormat(key);
		String fingerprint = fingerprint(method, path, body);
		Instant now = this.clock.instant();
		Instant expired = now.minus(KEPT);
		deleteExpired(expired);
		Optional<ResponseEntity<?>> earlier = earlierAnswer(user, key, fingerprint, expired);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		try {
			return this.transaction.execute((status) -> {
				IdempotencyKey claimed = claim(user, key, fingerprint, now, expired);
				ResponseEntity<?> answer = call.get();
				byte[] answerBody = bytes(answer.getBody());
				URI location = answer.getHeaders().getLocation();
				claimed.answered(answer.getStatusCode().value(), (location != null) ? location.toString() : null,
						answerBody);
				// the first answer is the bytes that are kept, so that a replay is the
				// same
				return stored(claimed, false);
			});
		}
		catch (KeyTaken ex) {
			// another request with the key came first and has committed, or is still
			// running
			return earlierAnswer(user, key, fingerprint, expired).orElseThrow(IdempotencyKeyInUseException::new);
		}
	}

	private static void checkFormat(String key) {
		boolean visibleAscii = key.chars().allMatch((c) -> c >= 0x21 && c <= 0x7E);
		if (key.isEmpty() || key.length() > MAX_LENGTH || !visibleAscii) {
			throw new BadRequestException(HEADER, ("The Idempotency-Key must be 1 to %d visible ASCII characters "
					+ "(letters, digits, punctuation; no spaces), such as a UUID")
				.formatted(MAX_LENGTH));
		}
	}

	// a failure here must not fail the request: the expired rows are deleted next time
	private void deleteExpired(Instant expired) {
		try {
			this.transaction.executeWithoutResult((status) -> this.keys.deleteAllUsedBefore(expired));
		}
		catch (DataAccessException ex) {
			log.warn("Expired idempotency keys not deleted this time: {}", ex.getMessage());
		}
	}

	private Optional<ResponseEntity<?>> earlierAnswer(String user, String key, String fingerprint, Instant expired) {
		return this.keys.findUsedSince(user, key, expired).map((earlier) -> {
			if (!earlier.getRequestHash().equals(fingerprint)) {
				throw new IdempotencyKeyReusedException();
			}
			if (earlier.getResponseStatus() == null) {
				throw new IdempotencyKeyInUseException();
			}
			return stored(earlier, true);
		});
	}

	private IdempotencyKey claim(String user, String key, String fingerprint, Instant now, Instant expired) {
		this.keys.deleteUsedBefore(user, key, expired);
		try {
			return this.keys.saveAndFlush(new IdempotencyKey(user, key, fingerprint, now));
		}
		catch (DataIntegrityViolationException | ConcurrencyFailureException ex) {
			// the unique index: on PostgreSQL after the other request has committed, on
			// H2
			// perhaps while it still runs
			throw new KeyTaken(ex);
		}
	}

	private static ResponseEntity<byte[]> stored(IdempotencyKey key, boolean replayed) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		if (key.getResponseLocation() != null) {
			headers.setLocation(URI.create(key.getResponseLocation()));
		}
		if (replayed) {
			headers.set(REPLAYED, "true");
		}
		return ResponseEntity.status(key.getResponseStatus()).headers(headers).body(key.getResponseBody());
	}

	private String fingerprint(HttpMethod method, String path, Object body) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update((method.name() + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
			// the body as the API read it: spacing and the order of fields do not count
			sha256.update(bytes(body));
			return HexFormat.of().formatHex(sha256.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java has SHA-256", ex);
		}
	}

	private byte[] bytes(Object value) {
		try {
			return this.json.writeValueAsBytes(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", ex);
		}
	}

	/** The key was claimed by another request: its answer is the answer. */
	private static final class KeyTaken extends RuntimeException {

		KeyTaken(Throwable cause) {
			super(cause);
		}

	}

}
