package io.returnsdesk.web;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Why a request body could not be read, told in the words of the API rather than of
 * Jackson's Java types, and which field of the body was at fault.
 *
 * @param detail what was wrong, for a person
 * @param field the path of the field at fault ({@code lines[0].quantity}), or null
 */
record UnreadableBody(String detail, String field) {

	static final String PREFIX = "The request body is not the JSON this call expects: ";

	static UnreadableBody of(HttpMessageNotReadableException ex) {
		if (ex.getCause() == null && ex.getMessage() != null
				&& ex.getMessage().startsWith("Required request body is missing")) {
			return new UnreadableBody("The request has no body; send the JSON this call expects", null);
		}
		JsonMappingException mapping = find(ex, JsonMappingException.class);
		String field = (mapping != null) ? path(mapping) : null;
		String name = (field != null) ? field : "the body";
		Throwable root = root(ex);
		if (root instanceof StreamConstraintsException constraints) {
			return new UnreadableBody(PREFIX + firstLine(constraints.getOriginalMessage()), null);
		}
		if (root instanceof JsonParseException malformed) {
			return new UnreadableBody(PREFIX + "it is not valid JSON" + at(malformed.getLocation()) + ": "
					+ firstLine(malformed.getOriginalMessage()), null);
		}
		if (root instanceof InputCoercionException coercion) {
			return new UnreadableBody(PREFIX + "%s must be %s, not %s".formatted(name,
					expected(coercion.getTargetType()), sentNumber(coercion.getOriginalMessage())), field);
		}
		if (root instanceof MismatchedInputException trailing && trailing.getOriginalMessage() != null
				&& trailing.getOriginalMessage().startsWith("Trailing token")) {
			return new UnreadableBody(PREFIX + "there is more after the JSON value", null);
		}
		if (root instanceof InvalidFormatException invalid) {
			return new UnreadableBody(PREFIX + "%s must be %s, not '%s'".formatted(name,
					expected(invalid.getTargetType()), shown(String.valueOf(invalid.getValue()))), field);
		}
		if (root instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
			return new UnreadableBody(PREFIX + "%s must be %s".formatted(name, expected(mismatched.getTargetType())),
					field);
		}
		if (root instanceof JsonMappingException other) {
			return new UnreadableBody(PREFIX + firstLine(other.getOriginalMessage()), field);
		}
		return new UnreadableBody(PREFIX + firstLine(root.getMessage()), field);
	}

	/** The path of the value at fault, as a client would write it: lines[0].quantity. */
	private static String path(JsonMappingException ex) {
		StringBuilder path = new StringBuilder();
		for (JsonMappingException.Reference reference : ex.getPath()) {
			if (reference.getFieldName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? null : path.toString();
	}

	private static String expected(Class<?> type) {
		if (type == null) {
			return "of another kind";
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "a list [ … ]";
		}
		if (type == String.class || type == Character.class || type == char.class) {
			return "text in quotes";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type == Integer.class || type == int.class || type == Short.class || type == short.class) {
			return "a whole number from %d to %d".formatted(Integer.MIN_VALUE, Integer.MAX_VALUE);
		}
		if (type == Long.class || type == long.class) {
			return "a whole number from %d to %d".formatted(Long.MIN_VALUE, Long.MAX_VALUE);
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
			return "a number";
		}
		if (type.isEnum()) {
			return "one of " + String.join(", ", Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList());
		}
		if (Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.")) {
			return "an object { … }";
		}
		return "of another kind";
	}

	private static String at(JsonLocation location) {
		if (location == null || location.getLineNr() < 0) {
			return "";
		}
		return " at line %d, column %d".formatted(location.getLineNr(), location.getColumnNr());
	}

	private static <T extends Throwable> T find(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	private static Throwable root(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

	// Jackson appends where in the source it failed; the first line says what
	private static String firstLine(String message) {
		if (message == null) {
			return "it cannot be read";
		}
		String line = message.lines().findFirst().orElse(message);
		for (String marker : new String[] { " (start marker at", ", from `", " (from `" }) {
			int at = line.indexOf(marker);
			if (at > 0) {
				line = line.substring(0, at) + (marker.startsWith(",") ? ")" : "");
			}
		}
		return line;
	}

	// "Numeric value (99999999999) out of range of int (…)": the value is what the
	// client sent
	private static String sentNumber(String message) {
		if (message != null) {
			int open = message.indexOf('(');
			int close = message.indexOf(')', open + 1);
			if (open >= 0 && close > open) {
				return shown(message.substring(open + 1, close));
			}
		}
		return "what was sent";
	}

	private static String shown(String value) {
		return (value.length() <= 60) ? value : value.substring(0, 60) + "…";
	}

}
