package io.returnsdesk.web;

/**
 * Thrown when an Idempotency-Key comes again with a request other than the one it was
 * first used for.
 */
class IdempotencyKeyReusedException extends RuntimeException {

	IdempotencyKeyReusedException() {
		super("This Idempotency-Key was used for a different request; send a new key with a new request");
	}

}
