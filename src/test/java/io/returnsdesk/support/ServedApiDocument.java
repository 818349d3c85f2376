package io.returnsdesk.support;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

/**
 * The OpenAPI document an application serves at {@code /v3/api-docs}, as a validator of
 * the answers its API gives: with swagger-request-validator, every answer must have a
 * status the document gives its operation, a type it names and a body its schema allows.
 * Only answers are checked: the tests send bad requests on purpose.
 */
public final class ServedApiDocument {

	/** Where the document is served. */
	public static final String PATH = "/v3/api-docs";

	private final OpenApiInteractionValidator validator;

	private final String json;

	private ServedApiDocument(String json) {
		this.json = json;
		this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(json)
			.withLevelResolver(LevelResolver.create()
				// requests are bad on purpose in many tests; what is checked is the
				// answer
				.withLevel("validation.request", ValidationReport.Level.IGNORE)
				// an answer to a path or method that is no call of the API (404, 405 of
				// the error controller) has no operation to check it against
				.withLevel("validation.response.path.missing", ValidationReport.Level.IGNORE)
				.withLevel("validation.response.operation.notAllowed", ValidationReport.Level.IGNORE)
				.build())
			.build();
	}

	/** The document as served (JSON). */
	public static ServedApiDocument of(String json) {
		return new ServedApiDocument(json);
	}

	/** The JSON served. */
	public String json() {
		return this.json;
	}

	/**
	 * Whether the answer is an answer of the API's operations, or else why not: one line
	 * per divergence; empty when it conforms (or is no answer of an operation).
	 */
	public List<String> divergences(String method, String path, Response response) {
		Request.Method asked;
		try {
			asked = Request.Method.valueOf(method.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return List.of();
		}
		if (asked == Request.Method.HEAD || asked == Request.Method.OPTIONS || asked == Request.Method.TRACE) {
			// answered by the framework for every path, not operations of the document
			return List.of();
		}
		if (response.getStatus() == 405) {
			// the path takes no such call: the answer is no operation's (a template such
			// as /api/returns/{number} may look as if it took /api/returns/export.csv)
			return List.of();
		}
		ValidationReport report = this.validator.validateResponse(path, asked, response);
		return report.getMessages()
			.stream()
			.filter((message) -> message.getLevel() == ValidationReport.Level.ERROR)
			.map((message) -> "%s %s answered %d: %s [%s]".formatted(method, path, response.getStatus(),
					message.getMessage(), message.getKey()))
			.toList();
	}

	/** An answer read from plain HTTP. */
	public static Response answer(int status, Map<String, ? extends Collection<String>> headers, byte[] body) {
		SimpleResponse.Builder builder = SimpleResponse.Builder.status(status);
		headers.forEach((name, values) -> {
			if (name != null) {
				builder.withHeader(name, List.copyOf(values));
			}
		});
		if (body != null && body.length > 0) {
			builder.withBody(body);
		}
		return builder.build();
	}

	/** The divergences as one message. */
	public static String describe(List<String> divergences, byte[] body) {
		String shown = (body == null) ? "" : new String(body, StandardCharsets.UTF_8);
		if (shown.length() > 2000) {
			shown = shown.substring(0, 2000) + "…";
		}
		return "The answer does not match the served OpenAPI document (" + PATH + "):\n  "
				+ divergences.stream().collect(Collectors.joining("\n  ")) + "\n  body: " + shown;
	}

}
