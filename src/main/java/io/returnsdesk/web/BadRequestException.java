package io.returnsdesk.web;

/**
 * A query parameter the API cannot use.
 */
class BadRequestException extends RuntimeException {

	private final String parameter;

	BadRequestException(String parameter, String message) {
		super(message);
		this.parameter = parameter;
	}

	String getParameter() {
		return this.parameter;
	}

}
