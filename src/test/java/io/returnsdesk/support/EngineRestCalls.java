package io.returnsdesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls to the running application of a {@link ServerIntegrationTest} over real HTTP, as
 * a client logged in with HTTP Basic: {@code /engine-rest/...} addresses the tests'
 * engine, which has a name of its own.
 */
@Component
public class EngineRestCalls {

	private final HttpClient http = HttpClient.newHttpClient();

	private final Environment environment;

	private final String engineName;

	private final ObjectMapper json;

	EngineRestCalls(Environment environment, ProcessEngine engine, ObjectMapper json) {
		this.environment = environment;
		this.engineName = engine.getName();
		this.json = json;
	}

	/**
	 * Requests a return through the desk's API as the user, with the request's JSON;
	 * answers the number the return was given.
	 */
	public String requestReturn(String user, String password, String body) {
		HttpResponse<String> created = call("POST", "/api/returns", user, password, body);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return json(created).path("number").asText();
	}

	/**
	 * Completes a task as the user, with its variables as the REST API takes them:
	 * {@code {"name": {"value": ...}, ...}}.
	 */
	public HttpResponse<String> complete(String user, String password, String taskId, String variables) {
		return call("POST", "/engine-rest/task/" + taskId + "/complete", user, password,
				"{\"variables\": " + variables + "}");
	}

	/** The body of an answer, read as JSON. */
	public JsonNode json(HttpResponse<String> answer) {
		try {
			return this.json.readTree(answer.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Not JSON: " + answer.body(), ex);
		}
	}

	/**
	 * A call as the user with the password (none without a user), with a JSON body or
	 * none.
	 */
	public HttpResponse<String> call(String method, String path, String user, String password, String body) {
		String address = path.replace("/engine-rest/", "/engine-rest/engine/" + this.engineName + "/");
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port() + address))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
			.header("Accept", "application/json");
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (user != null) {
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	// known once the server listens, which is after the beans are made
	private int port() {
		return this.environment.getRequiredProperty("local.server.port", Integer.class);
	}

}
