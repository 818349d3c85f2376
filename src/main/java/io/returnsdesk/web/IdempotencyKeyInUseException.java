package io.returnsdesk.web;

/**
 * Thrown when a request comes with an Idempotency-Key whose first request is still being
 * answered and could not be waited for.
 */
class IdempotencyKeyInUseException extends RuntimeException {

	IdempotencyKeyInUseException() {
		super("A request with this Idempotency-Key is still being answered; send it again in a moment");
	}

}
