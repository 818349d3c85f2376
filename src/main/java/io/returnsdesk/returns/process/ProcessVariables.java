package io.returnsdesk.returns.process;

import java.math.BigDecimal;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads the variables that Tasklist forms and REST clients set, whatever JSON type they
 * chose.
 */
final class ProcessVariables {

	private ProcessVariables() {
	}

	static String string(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return (value != null) ? value.toString() : null;
	}

	static boolean flag(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		if (value instanceof Boolean bool) {
			return bool;
		}
		if (value instanceof String text && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
			return Boolean.parseBoolean(text);
		}
		throw new BadUserRequestException("'%s' must be true or false, not %s".formatted(name, value));
	}

	static BigDecimal decimal(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		if (value == null || value.toString().isBlank()) {
			return null;
		}
		if (value instanceof BigDecimal decimal) {
			return decimal;
		}
		try {
			// via the text, so that a Double of 19.9 stays 19.90 and not 19.899999…
			return new BigDecimal(value.toString().strip());
		}
		catch (NumberFormatException ex) {
			throw new BadUserRequestException("'%s' must be a number, not %s".formatted(name, value));
		}
	}

}
