package io.returnsdesk.web;

import java.io.IOException;

/**
 * Thrown while reading a request body of unknown length as soon as it passes the API's
 * limit; an I/O error, so that it reaches the exception handler inside the converter's
 * "not readable" exception.
 */
class RequestBodyTooLargeException extends IOException {

	private final long limit;

	RequestBodyTooLargeException(long limit) {
		super("The request body is larger than " + limit + " bytes");
		this.limit = limit;
	}

	long getLimit() {
		return this.limit;
	}

}
