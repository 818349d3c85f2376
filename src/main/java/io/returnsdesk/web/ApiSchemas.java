package io.returnsdesk.web;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Schema;

import org.springframework.lang.Nullable;

/**
 * The schemas of the API's records as Jackson writes them: every component is always
 * written, so each is {@code required}; one whose accessor is {@link Nullable} may be
 * {@code null} and says so ({@code nullable}), every other one never is. Two types that
 * would share a schema name (one would silently stand for the other) fail the description
 * instead.
 */
final class ApiSchemas implements ModelConverter {

	private final Map<String, Class<?>> named = new ConcurrentHashMap<>();

	@Override
	@SuppressWarnings({ "rawtypes", "unchecked" })
	public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
		if (!chain.hasNext()) {
			return null;
		}
		Schema resolved = chain.next().resolve(type, context, chain);
		JavaType javaType = Json.mapper().constructType(type.getType());
		Class<?> raw = javaType.getRawClass();
		if (resolved == null || !raw.isRecord()) {
			return resolved;
		}
		// a record met as a property or an item comes back as a $ref to its model
		String name = (resolved.get$ref() != null)
				? resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1) : resolved.getName();
		Schema schema = (resolved.get$ref() != null) ? context.getDefinedModels().get(name) : resolved;
		if (schema == null || schema.getProperties() == null) {
			return resolved;
		}
		checkName(name, raw);
		Map<String, Schema> properties = schema.getProperties();
		List<String> required = new ArrayList<>();
		for (RecordComponent component : raw.getRecordComponents()) {
			String field = component.getName();
			Schema property = properties.get(field);
			if (property == null) {
				continue;
			}
			required.add(field);
			if (component.getAccessor().isAnnotationPresent(Nullable.class)) {
				properties.put(field, nullable(property));
			}
		}
		schema.setRequired(required);
		return resolved;
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Schema nullable(Schema property) {
		if (property.get$ref() != null) {
			// OpenAPI 3.0 ignores what stands beside a $ref
			ComposedSchema wrapped = new ComposedSchema();
			wrapped.addAllOfItem(new Schema<>().$ref(property.get$ref()));
			wrapped.setNullable(true);
			return wrapped;
		}
		property.setNullable(true);
		if (property.getEnum() != null && !property.getEnum().contains(null)) {
			// a choice that may be left open: null is one of the values
			List<Object> values = new ArrayList<>(property.getEnum());
			values.add(null);
			property.setEnum(values);
		}
		return property;
	}

	private void checkName(String name, Class<?> type) {
		if (name == null) {
			return;
		}
		Class<?> earlier = this.named.putIfAbsent(name, type);
		if (earlier != null && !earlier.equals(type)) {
			throw new IllegalStateException(
					"Both %s and %s would be described as the schema %s; give one of them another name with @Schema(name)"
						.formatted(earlier.getName(), type.getName(), name));
		}
	}

}
