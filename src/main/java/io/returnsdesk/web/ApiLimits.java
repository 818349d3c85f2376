package io.returnsdesk.web;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.returnsdesk.reporting.ReportGrouping;
import io.returnsdesk.returns.ReturnRequest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * What the served description says of what a client sends, beyond what springdoc reads:
 * the limits the code enforces ({@link Paging}, {@link Idempotency}, {@link DayPeriod},
 * the groupings of the reports, the rules of a request), uploads as
 * {@code multipart/form-data}, and no field of a request required on its own.
 */
final class ApiLimits implements OpenApiCustomizer {

	@Override
	public void customise(OpenAPI api) {
		asked(api);
		requestLimits(api);
		api.getPaths().values().forEach((item) -> item.readOperations().forEach((operation) -> {
			parameters(operation);
			body(operation);
		}));
	}

	/**
	 * What a client sends is not required field by field (a field left out is read as
	 * null, and the rules say what is missing): only answers have every field.
	 */
	@SuppressWarnings("rawtypes")
	private static void asked(OpenAPI api) {
		Map<String, Schema> schemas = api.getComponents().getSchemas();
		Set<String> seen = new TreeSet<>();
		api.getPaths()
			.values()
			.forEach((item) -> item.readOperations()
				.stream()
				.filter((operation) -> operation.getRequestBody() != null
						&& operation.getRequestBody().getContent() != null)
				.flatMap((operation) -> operation.getRequestBody().getContent().values().stream())
				.forEach((media) -> collect(media.getSchema(), schemas, seen)));
		seen.forEach((name) -> schemas.get(name).setRequired(null));
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static void collect(Schema schema, Map<String, Schema> schemas, Set<String> seen) {
		if (schema == null) {
			return;
		}
		if (schema.get$ref() != null) {
			String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
			if (schemas.containsKey(name) && seen.add(name)) {
				collect(schemas.get(name), schemas, seen);
			}
			return;
		}
		if (schema.getItems() != null) {
			collect(schema.getItems(), schemas, seen);
		}
		if (schema.getProperties() != null) {
			((Map<String, Schema>) schema.getProperties()).values().forEach((p) -> collect(p, schemas, seen));
		}
	}

	/** The limits the request's rules enforce, in the schema of the request. */
	@SuppressWarnings("unchecked")
	private static void requestLimits(OpenAPI api) {
		Map<String, Schema> schemas = api.getComponents().getSchemas();
		Schema<?> request = schemas.get(ReturnRequest.class.getSimpleName());
		if (request != null && request.getProperties() != null) {
			Schema<?> detail = request.getProperties().get("reasonDetail");
			if (detail != null) {
				detail.maxLength(ReturnRequest.MAX_DETAIL_LENGTH);
			}
		}
		Schema<?> line = schemas.get(ReturnRequest.LINE_SCHEMA);
		if (line != null && line.getProperties() != null) {
			Schema<?> quantity = line.getProperties().get("quantity");
			if (quantity != null) {
				quantity.minimum(BigDecimal.ONE).multipleOf(BigDecimal.ONE);
			}
			Schema<?> lineNo = line.getProperties().get("lineNo");
			if (lineNo != null) {
				lineNo.minimum(BigDecimal.ONE);
			}
		}
	}

	private static void parameters(Operation operation) {
		if (operation.getParameters() == null) {
			return;
		}
		for (Parameter parameter : operation.getParameters()) {
			Schema<?> schema = parameter.getSchema();
			if (schema == null) {
				continue;
			}
			String name = parameter.getName();
			if ("query".equals(parameter.getIn()) && "page".equals(name)) {
				schema.minimum(BigDecimal.ZERO);
			}
			else if ("query".equals(parameter.getIn()) && "size".equals(name)) {
				schema.minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(Paging.MAX_SIZE));
			}
			else if ("query".equals(parameter.getIn()) && Set.of("from", "to", "asOf").contains(name)
					&& "string".equals(schema.getType())) {
				// read by DayPeriod: a day of the merchant's calendar
				schema.setFormat("date");
			}
			else if ("query".equals(parameter.getIn()) && "groupBy".equals(name)) {
				setEnum(schema,
						Arrays.stream(ReportGrouping.values())
							.map((grouping) -> grouping.name().toLowerCase(Locale.ROOT))
							.toList());
			}
			else if ("header".equals(parameter.getIn()) && Idempotency.HEADER.equals(name)) {
				schema.minLength(1).maxLength(Idempotency.MAX_LENGTH).pattern("^[!-~]+$");
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static void setEnum(Schema<?> schema, List<String> values) {
		((Schema<String>) schema).setEnum(values);
	}

	/** An upload (a body with a file in it) is multipart/form-data, not JSON. */
	private static void body(Operation operation) {
		if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
			return;
		}
		Content content = operation.getRequestBody().getContent();
		MediaType json = content.get(org.springframework.http.MediaType.APPLICATION_JSON_VALUE);
		if (json != null && hasFile(json.getSchema())) {
			content.remove(org.springframework.http.MediaType.APPLICATION_JSON_VALUE);
			content.addMediaType(org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE, json);
		}
	}

	private static boolean hasFile(Schema<?> schema) {
		return schema != null && schema.getProperties() != null && schema.getProperties()
			.values()
			.stream()
			.anyMatch((property) -> "string".equals(property.getType()) && "binary".equals(property.getFormat()));
	}

}
