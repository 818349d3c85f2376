package io.returnsdesk.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.returnsdesk.attachments.AttachmentType;
import io.returnsdesk.system.AccessRules;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.http.HttpStatus;

/**
 * What the served description says of the answers beyond what springdoc reads from the
 * controllers, from facts the code already has, so that it cannot drift from what the API
 * does: the problems each call can answer (from the doors every call passes: the login,
 * the {@link AccessRules table of calls}, the login throttle, {@link ApiRequestFilter},
 * the {@link ApiExceptionHandler}), the {@code Problem} they are written as, files as
 * files, and the {@code Location} of what is created. Runs after {@link ApiLimits}. The
 * build checks every answer its tests get against this description.
 */
final class ApiContract implements OpenApiCustomizer {

	/** The name of the problem's schema. */
	static final String PROBLEM = "Problem";

	static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	private static final Map<Integer, String> WHY = whyRefused();

	@Override
	public void customise(OpenAPI api) {
		api.getComponents().addSchemas(PROBLEM, problemSchema());
		api.getPaths()
			.forEach((path, item) -> item.readOperationsMap()
				.forEach((method, operation) -> answers(path, method, operation)));
	}

	private static Schema<?> problemSchema() {
		Schema<?> problem = new ObjectSchema()
			.description("An RFC 7807 problem: why the request was refused, as a person reads it; a refused request "
					+ "changed nothing")
			.addProperty("type", new StringSchema().description("What kind of problem; about:blank for the status's"))
			.addProperty("title", new StringSchema().description("The kind of problem, in short"))
			.addProperty("status",
					new IntegerSchema().minimum(java.math.BigDecimal.valueOf(400))
						.maximum(java.math.BigDecimal.valueOf(599))
						.description("The HTTP status"))
			.addProperty("detail", new StringSchema().minLength(1).description("What was wrong, for a person to read"))
			.addProperty("instance", new StringSchema().description("The path that was called"))
			.addProperty("field",
					new StringSchema().description("The input at fault, where one is: a parameter, a header, a field "
							+ "of the body (lines[0].quantity) or the part of an upload"));
		problem.setRequired(List.of("type", "title", "status", "detail"));
		return problem;
	}

	private static void answers(String path, PathItem.HttpMethod method, Operation operation) {
		ApiResponses responses = operation.getResponses();
		files(path, method, responses);
		responses.forEach((status, response) -> {
			if ("201".equals(status)) {
				response.addHeaderObject("Location",
						new Header().required(true)
							.description("Where what was created is read")
							.schema(new StringSchema().format("uri-reference")));
			}
			if (hasIdempotencyKey(operation) && status.startsWith("2")) {
				response.addHeaderObject(Idempotency.REPLAYED,
						new Header().description("true when this is the first answer to the same request, given again")
							.schema(new StringSchema()._enum(List.of("true"))));
			}
		});
		for (int status : refusals(path, method, operation)) {
			if (responses.get(String.valueOf(status)) == null) {
				responses.addApiResponse(String.valueOf(status), new ApiResponse().description(WHY.get(status)));
			}
		}
		responses.forEach((code, response) -> {
			if (code.startsWith("4") || code.startsWith("5")) {
				// a call's own @ApiResponse names a refusal; its answer is a problem all
				// the same
				response.setContent(new Content().addMediaType(PROBLEM_JSON,
						new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
			}
			if (code.equals(String.valueOf(HttpStatus.TOO_MANY_REQUESTS.value()))) {
				response.addHeaderObject("Retry-After",
						new Header().required(true)
							.description("Seconds to wait before trying again")
							.schema(new IntegerSchema().minimum(java.math.BigDecimal.ONE)));
			}
		});
		// springdoc sorts none; a reader looks for a status in order
		ApiResponses sorted = new ApiResponses();
		new TreeSet<>(responses.keySet()).forEach((code) -> sorted.addApiResponse(code, responses.get(code)));
		operation.setResponses(sorted);
	}

	/**
	 * The statuses of the problems a call can answer: those of the doors every call
	 * passes, and those of what it reads (a path variable, a body, an upload, an
	 * Idempotency-Key). What only the domain refuses (409, 422 of a rule) the call's own
	 * {@code @ApiResponse} says.
	 */
	static Set<Integer> refusals(String path, PathItem.HttpMethod method, Operation operation) {
		Set<Integer> statuses = new TreeSet<>();
		// a NUL in any query parameter (ApiRequestFilter), a parameter of the wrong type
		statuses.add(400);
		// no login, or a wrong password; the public door reads no login
		boolean open = AccessRules.isPublic(method.name(), concrete(path));
		if (!open) {
			statuses.add(401);
		}
		// the table of calls: a call's rule names its groups; a user in no group, or a
		// session without its CSRF token, is refused too
		if (AccessRules.ruleFor(method.name(), concrete(path)).isPresent()) {
			statuses.add(403);
		}
		// an Accept header that takes neither the answer nor a problem
		statuses.add(406);
		// the login throttle, at every door where a password is tried; the public door's
		// rate limit
		statuses.add(429);
		if (path.contains("{")) {
			statuses.add(404);
		}
		if (operation.getRequestBody() != null) {
			statuses.add(413);
			statuses.add(415);
			if (operation.getRequestBody().getContent() != null && operation.getRequestBody()
				.getContent()
				.containsKey(org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)) {
				// an empty file
				statuses.add(422);
			}
		}
		if (hasIdempotencyKey(operation)) {
			// the key still in use by the same request; the key used for another
			statuses.add(409);
			statuses.add(422);
		}
		return statuses;
	}

	private static boolean hasIdempotencyKey(Operation operation) {
		return operation.getParameters() != null && operation.getParameters()
			.stream()
			.anyMatch((parameter) -> "header".equals(parameter.getIn())
					&& Idempotency.HEADER.equals(parameter.getName()));
	}

	/** A path of the description as a call would have it: /api/returns/x for {number}. */
	static String concrete(String path) {
		return path.replaceAll("\\{[^}]+}", "x");
	}

	/** Files are answered as files: an attachment in the type it was detected as. */
	private static void files(String path, PathItem.HttpMethod method, ApiResponses responses) {
		ApiResponse ok = responses.get("200");
		if (ok == null || ok.getContent() == null) {
			return;
		}
		if (path.equals("/api/returns/{number}/attachments/{id}") && method == PathItem.HttpMethod.GET) {
			Content content = new Content();
			for (AttachmentType type : AttachmentType.values()) {
				content.addMediaType(type.mediaType(), new MediaType().schema(binary()));
			}
			ok.setContent(content);
			ok.addHeaderObject("Content-Disposition",
					new Header().required(true)
						.description("inline for images, attachment for PDFs, with the file's name")
						.schema(new StringSchema()));
			return;
		}
		ok.getContent().forEach((type, media) -> {
			Schema<?> schema = media.getSchema();
			if (schema != null && "string".equals(schema.getType()) && "byte".equals(schema.getFormat())) {
				media.setSchema(binary());
			}
		});
	}

	private static Schema<?> binary() {
		return new StringSchema().format("binary");
	}

	private static Map<Integer, String> whyRefused() {
		Map<Integer, String> why = new LinkedHashMap<>();
		why.put(400, "A parameter, header or body that is not what the call takes (the problem's field names it)");
		why.put(401, "Not logged in: no credentials, or wrong ones");
		why.put(403, "The caller's groups may not make this call (see docs/access.md), or a session's request came "
				+ "without its CSRF token");
		why.put(404, "There is no such thing, or it belongs to a store the caller does not work for");
		why.put(406, "The Accept header takes neither the answer nor application/problem+json");
		why.put(409, "Not possible now: the Idempotency-Key is still being answered for the same request");
		why.put(413, "The body is larger than the call reads");
		why.put(415, "A body of a type the call does not take");
		why.put(422, "The request breaks a rule (the problem's detail says which)");
		why.put(429, "Too many failed logins for this user from this address: wait Retry-After seconds");
		return why;
	}

}
