package io.returnsdesk.support;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check every answer of the API passes in the integration tests has teeth: it refuses
 * a null the document does not allow, a status it does not give, a problem that is not
 * one, and lets through what the document says.
 */
class ServedApiDocumentTest {

	static final String DOCUMENT = """
			{"openapi": "3.0.1", "info": {"title": "t", "version": "1"},
			 "paths": {"/api/returns/{number}": {"get": {
			   "parameters": [{"name": "number", "in": "path", "required": true, "schema": {"type": "string"}}],
			   "responses": {
			     "200": {"description": "ok", "content": {"application/json": {"schema": {
			       "type": "object", "required": ["number", "refundMethod"],
			       "properties": {"number": {"type": "string"},
			         "refundMethod": {"type": "string", "nullable": true, "enum": ["CASH", null]}}}}}},
			     "404": {"description": "none", "content": {"application/problem+json": {"schema": {
			       "type": "object", "required": ["type", "title", "status", "detail"],
			       "properties": {"type": {"type": "string"}, "title": {"type": "string"},
			         "status": {"type": "integer"}, "detail": {"type": "string", "minLength": 1}}}}}}}}}}}
			""";

	final ServedApiDocument document = ServedApiDocument.of(DOCUMENT);

	@Test
	void takesWhatTheDocumentSays() {
		assertThat(divergences(200, "application/json", "{\"number\":\"RT-1\",\"refundMethod\":null}")).isEmpty();
		assertThat(divergences(200, "application/json", "{\"number\":\"RT-1\",\"refundMethod\":\"CASH\"}")).isEmpty();
		assertThat(divergences(404, "application/problem+json",
				"{\"type\":\"about:blank\",\"title\":\"Not found\",\"status\":404,\"detail\":\"There is no return\"}"))
			.isEmpty();
	}

	@Test
	void refusesANullTheDocumentDoesNotAllow() {
		assertThat(divergences(200, "application/json", "{\"number\":null,\"refundMethod\":null}"))
			.anySatisfy((divergence) -> assertThat(divergence).contains("/number").contains("null"));
	}

	@Test
	void refusesAFieldTheDocumentRequiresLeftOut() {
		assertThat(divergences(200, "application/json", "{\"number\":\"RT-1\"}"))
			.anySatisfy((divergence) -> assertThat(divergence).contains("refundMethod"));
	}

	@Test
	void refusesAStatusTheOperationDoesNotGive() {
		assertThat(divergences(409, "application/problem+json",
				"{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,\"detail\":\"Not now\"}"))
			.anySatisfy((divergence) -> assertThat(divergence).contains("409"));
	}

	@Test
	void refusesAnErrorThatIsNotAProblem() {
		assertThat(divergences(404, "text/html", "<h1>Whitelabel Error Page</h1>")).isNotEmpty();
		assertThat(divergences(404, "application/problem+json", "{\"status\":404,\"detail\":\"\"}")).isNotEmpty();
	}

	private List<String> divergences(int status, String type, String body) {
		return this.document.divergences("GET", "/api/returns/RT-1", ServedApiDocument.answer(status,
				Map.of("Content-Type", List.of(type)), body.getBytes(StandardCharsets.UTF_8)));
	}

}
