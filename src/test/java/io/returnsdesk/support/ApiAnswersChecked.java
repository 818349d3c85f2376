package io.returnsdesk.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.atlassian.oai.validator.mockmvc.MockMvcResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcBuilderCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.ConfigurableMockMvcBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every answer of {@code /api} that a test receives is checked against the OpenAPI
 * document the application serves (read from {@code /v3/api-docs} in the test's own
 * context): through MockMvc ({@code @AutoConfigureMockMvc}: a divergence fails the
 * {@code perform}) and over real HTTP ({@code ServerIntegrationTest}: the answer is
 * replaced by a 500 that says what diverged, so that the test fails on it). Every
 * divergence is also kept in {@link #divergences()}.
 */
@Component
public class ApiAnswersChecked extends OncePerRequestFilter implements MockMvcBuilderCustomizer, Ordered {

	private static final Logger log = LoggerFactory.getLogger(ApiAnswersChecked.class);

	private static final List<String> SEEN = Collections.synchronizedList(new ArrayList<>());

	private final WebApplicationContext context;

	private volatile ServedApiDocument document;

	ApiAnswersChecked(WebApplicationContext context) {
		this.context = context;
	}

	/** Every divergence seen in this JVM, oldest first. */
	public static List<String> divergences() {
		synchronized (SEEN) {
			return List.copyOf(SEEN);
		}
	}

	/** The document this application serves. */
	public ServedApiDocument document() {
		ServedApiDocument read = this.document;
		if (read == null) {
			synchronized (this) {
				if (this.document == null) {
					this.document = ServedApiDocument.of(fetch());
				}
				read = this.document;
			}
		}
		return read;
	}

	private String fetch() {
		try {
			MockHttpServletResponse served = MockMvcBuilders.webAppContextSetup(this.context)
				.apply(springSecurity())
				.build()
				.perform(get(ServedApiDocument.PATH)
					.with(user("apidocsreader").authorities(new SimpleGrantedAuthority("GROUP_analysts"))))
				.andReturn()
				.getResponse();
			if (served.getStatus() != 200) {
				throw new IllegalStateException("%s answered %d: %s".formatted(ServedApiDocument.PATH,
						served.getStatus(), served.getContentAsString()));
			}
			return served.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot read the served OpenAPI document", ex);
		}
	}

	@Override
	public void customize(ConfigurableMockMvcBuilder<?> builder) {
		builder.alwaysExpect(this::check);
	}

	private void check(MvcResult result) {
		MockHttpServletRequest request = result.getRequest();
		MockHttpServletResponse response = result.getResponse();
		String path = request.getRequestURI();
		if (!isApi(path) || isErrorLeftToTheContainer(response)) {
			return;
		}
		List<String> divergences = document().divergences(request.getMethod(), path, MockMvcResponse.of(response));
		if (!divergences.isEmpty()) {
			SEEN.addAll(divergences);
			throw new AssertionError(ServedApiDocument.describe(divergences, response.getContentAsByteArray()));
		}
	}

	// MockMvc renders no error page: a sendError's answer is written by the container,
	// which MockMvc does not run (the real-HTTP tests see it)
	private static boolean isErrorLeftToTheContainer(MockHttpServletResponse response) {
		return response.getStatus() >= 400 && response.getContentAsByteArray().length == 0
				&& response.getContentType() == null;
	}

	private static boolean isApi(String path) {
		return path != null && (path.equals("/api") || path.startsWith("/api/"));
	}

	// before Spring Security and the login throttle: their refusals are answers too
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = originalPath(request);
		if (!isApi(path) || WebUtils.getNativeRequest(request, MockHttpServletRequest.class) != null) {
			// MockMvc's answers are checked by the matcher above
			chain.doFilter(request, response);
			return;
		}
		Caching caching = new Caching(response);
		chain.doFilter(request, caching);
		if (caching.errorSent) {
			// the error dispatch writes the answer, and is checked itself
			return;
		}
		byte[] body = caching.getContentAsByteArray();
		List<String> divergences = document().divergences(request.getMethod(), path,
				ServedApiDocument.answer(caching.getStatus(), headers(caching), body));
		if (divergences.isEmpty()) {
			caching.copyBodyToResponse();
			return;
		}
		SEEN.addAll(divergences);
		String message = ServedApiDocument.describe(divergences, body);
		log.error(message);
		response.reset();
		response.setStatus(500);
		response.setContentType(MediaType.TEXT_PLAIN_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write(message);
	}

	private static String originalPath(HttpServletRequest request) {
		Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		return (failed instanceof String path) ? path : request.getRequestURI();
	}

	private static Map<String, List<String>> headers(HttpServletResponse response) {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (String name : response.getHeaderNames()) {
			headers.put(name, List.copyOf(response.getHeaders(name)));
		}
		if (response.getContentType() != null) {
			headers.put("Content-Type", List.of(response.getContentType()));
		}
		return headers;
	}

	/** Keeps the body to check it, and notes an error left to the error page. */
	private static final class Caching extends ContentCachingResponseWrapper {

		private boolean errorSent;

		Caching(HttpServletResponse response) {
			super(response);
		}

		@Override
		public void sendError(int status) throws IOException {
			this.errorSent = true;
			super.sendError(status);
		}

		@Override
		public void sendError(int status, String message) throws IOException {
			this.errorSent = true;
			super.sendError(status, message);
		}

	}

}
