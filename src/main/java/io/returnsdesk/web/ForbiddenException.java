package io.returnsdesk.web;

/**
 * The logged-in user may not make this call.
 */
class ForbiddenException extends RuntimeException {

	ForbiddenException(String message) {
		super(message);
	}

}
