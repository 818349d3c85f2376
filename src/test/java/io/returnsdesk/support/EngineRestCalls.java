package io.returnsdesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.camunda.bpm.engine.ProcessEngine;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

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

	EngineRestCalls(Environment environment, ProcessEngine engine) {
		this.environment = environment;
		this.engineName = engine.getName();
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
