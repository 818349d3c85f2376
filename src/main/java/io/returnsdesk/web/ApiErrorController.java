package io.returnsdesk.web;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Spring Boot's error page, except under {@code /api/}: there every error that no call of
 * the API answered itself (an unknown path, a method or an Accept header no call takes, a
 * refusal by a filter, a failure) is a problem as well, so that a client of the API
 * always reads {@code application/problem+json}. A 5xx problem never repeats the
 * exception's message.
 */
class ApiErrorController extends BasicErrorController {

	private final ErrorAttributes errorAttributes;

	private final ObjectMapper json;

	ApiErrorController(ErrorAttributes errorAttributes, ErrorProperties properties, List<ErrorViewResolver> resolvers,
			ObjectMapper json) {
		super(errorAttributes, properties, resolvers);
		this.errorAttributes = errorAttributes;
		this.json = json;
	}

	@Override
	public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
		if (!isApi(request)) {
			return super.errorHtml(request, response);
		}
		// a browser asked for a page of the API: it gets the API's answer all the same
		allowWhatThePathAnswers(request);
		ProblemDetail problem = problem(request);
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		try {
			this.json.writeValue(response.getOutputStream(), problem);
		}
		catch (IOException ex) {
			// the client has gone; there is no one left to answer
		}
		return null;
	}

	@Override
	public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		if (!isApi(request)) {
			return super.error(request);
		}
		allowWhatThePathAnswers(request);
		ProblemDetail problem = problem(request);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", problem.getType().toString());
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		body.put("instance", problem.getInstance().toString());
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
	}

	/**
	 * A 405's {@code Allow} lists every method the path answers, as {@code OPTIONS} does:
	 * HEAD wherever GET is, and OPTIONS itself.
	 */
	private void allowWhatThePathAnswers(HttpServletRequest request) {
		Throwable error = this.errorAttributes.getError(new ServletWebRequest(request));
		if (!(error instanceof HttpRequestMethodNotSupportedException unsupported)
				|| unsupported.getSupportedHttpMethods() == null
				|| !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				|| attributes.getResponse() == null) {
			return;
		}
		Set<String> allowed = new TreeSet<>();
		unsupported.getSupportedHttpMethods().forEach((method) -> allowed.add(method.name()));
		if (allowed.contains(HttpMethod.GET.name())) {
			allowed.add(HttpMethod.HEAD.name());
		}
		allowed.add(HttpMethod.OPTIONS.name());
		attributes.getResponse().setHeader(HttpHeaders.ALLOW, String.join(", ", allowed));
	}

	private static boolean isApi(HttpServletRequest request) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		return uri instanceof String path && (path.equals("/api") || path.startsWith("/api/"));
	}

	private ProblemDetail problem(HttpServletRequest request) {
		HttpStatus status = getStatus(request);
		String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		Throwable error = this.errorAttributes.getError(new ServletWebRequest(request));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(status, path, error));
		problem.setTitle(status.getReasonPhrase());
		problem.setInstance(URI.create(path));
		return problem;
	}

	private static String detail(HttpStatus status, String path, Throwable error) {
		if (error instanceof HttpRequestMethodNotSupportedException unsupported) {
			Set<HttpMethod> supported = unsupported.getSupportedHttpMethods();
			return "%s %s is not a call of the API%s".formatted(unsupported.getMethod(), path,
					(supported == null || supported.isEmpty()) ? "" : "; %s takes %s".formatted(path,
							String.join(", ", supported.stream().map(HttpMethod::name).sorted().toList())));
		}
		if (error instanceof NoResourceFoundException || error instanceof NoHandlerFoundException
				|| status == HttpStatus.NOT_FOUND) {
			return "There is no %s in the API; its calls are described at /v3/api-docs".formatted(path);
		}
		if (error instanceof HttpMediaTypeNotAcceptableException) {
			return "The API answers application/json, and problems as application/problem+json; "
					+ "the request's Accept header takes neither";
		}
		if (error instanceof HttpMediaTypeNotSupportedException unsupported) {
			return "A body of type %s is not accepted here; send application/json"
				.formatted(unsupported.getContentType());
		}
		if (status.is5xxServerError()) {
			return "The server failed to answer this request; the failure is logged";
		}
		return "The request was refused (%d %s)".formatted(status.value(), status.getReasonPhrase());
	}

}
