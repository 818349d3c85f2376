package io.returnsdesk.returns.process;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.returnsdesk.returns.ReturnRuleViolation;
import io.returnsdesk.returns.internal.GoodsReceipt;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;

import org.springframework.stereotype.Component;

/**
 * Reads what the warehouse recorded of the goods from the variables of the processing
 * task (DESIGN.md's process contract): {@value ReturnProcess#VAR_RECEIVED_QUANTITIES} and
 * {@value ReturnProcess#VAR_SCRAPPED_QUANTITIES} as JSON objects of line numbers and
 * units, whether a client sent them as Json, as a map or as JSON text, and
 * {@value ReturnProcess#VAR_RETURNED_ON} as a day. Only their shape is checked here; the
 * return's rules are {@link GoodsReceipt}'s.
 */
@Component
class GoodsReceiptVariables {

	/** The variables a receipt is read from. */
	static final List<String> NAMES = List.of(ReturnProcess.VAR_RECEIVED_QUANTITIES,
			ReturnProcess.VAR_SCRAPPED_QUANTITIES, ReturnProcess.VAR_RETURNED_ON);

	private final ObjectMapper json;

	private final ZoneId zone;

	GoodsReceiptVariables(ObjectMapper json, Clock clock) {
		this.json = json;
		this.zone = clock.getZone();
	}

	/** The receipt the variables describe; a Date is a day in the merchant's zone. */
	GoodsReceipt read(VariableScope scope) {
		return new GoodsReceipt(units(scope, ReturnProcess.VAR_RECEIVED_QUANTITIES),
				units(scope, ReturnProcess.VAR_SCRAPPED_QUANTITIES), day(scope, this.zone));
	}

	private Map<String, BigDecimal> units(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		if (value == null) {
			return null;
		}
		JsonNode node = tree(value);
		if (node == null || !node.isObject()) {
			throw notUnits(name, value);
		}
		Map<String, BigDecimal> units = new LinkedHashMap<>();
		for (var entry : node.properties()) {
			JsonNode quantity = entry.getValue();
			if (quantity.isNumber()) {
				units.put(entry.getKey().strip(), quantity.decimalValue());
			}
			else if (quantity.isTextual() && quantity.asText().strip().matches("-?\\d+(\\.\\d+)?")) {
				units.put(entry.getKey().strip(), new BigDecimal(quantity.asText().strip()));
			}
			else {
				throw new ReturnRuleViolation(name, "'%s' gives line %s %s; give a whole number of units"
					.formatted(name, entry.getKey(), quantity.isNull() ? "no units" : quantity.toString()));
			}
		}
		return units;
	}

	private JsonNode tree(Object value) {
		try {
			if (value instanceof SpinJsonNode spin) {
				return this.json.readTree(spin.toString());
			}
			if (value instanceof CharSequence text) {
				return text.toString().isBlank() ? null : this.json.readTree(text.toString());
			}
			return this.json.valueToTree(value);
		}
		catch (JsonProcessingException | IllegalArgumentException ex) {
			return null;
		}
	}

	private static ReturnRuleViolation notUnits(String name, Object value) {
		return new ReturnRuleViolation(name,
				"'%s' must be a JSON object of line numbers and units, such as {\"1\": 2}, not %s".formatted(name,
						shown(value)));
	}

	private static LocalDate day(VariableScope scope, ZoneId zone) {
		Object value = scope.getVariable(ReturnProcess.VAR_RETURNED_ON);
		if (value == null || (value instanceof CharSequence text && text.toString().isBlank())) {
			return null;
		}
		if (value instanceof Date date) {
			return LocalDate.ofInstant(date.toInstant(), zone);
		}
		if (value instanceof LocalDate day) {
			return day;
		}
		try {
			return LocalDate.parse(value.toString().strip());
		}
		catch (DateTimeParseException ex) {
			throw new ReturnRuleViolation(ReturnProcess.VAR_RETURNED_ON, "'%s' must be a day written yyyy-MM-dd, not %s"
				.formatted(ReturnProcess.VAR_RETURNED_ON, shown(value)));
		}
	}

	private static String shown(Object value) {
		String text = String.valueOf(value);
		return (text.length() > 60) ? text.substring(0, 60) + "…" : text;
	}

}
