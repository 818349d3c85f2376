package io.returnsdesk.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before any call of the API reads it, what none of them can use: a body above
 * {@link ApiSettings#maxBodySize()} (413) and a NUL character in a query parameter (400),
 * each as a problem. Tomcat limits only form posts and uploads, so without this a client
 * could make the application hold a body of any size; and PostgreSQL refuses a NUL in a
 * query parameter with an error that would be a 500.
 */
class ApiRequestFilter extends OncePerRequestFilter {

	private final long maxBodySize;

	private final ObjectMapper json;

	ApiRequestFilter(ApiSettings settings, ObjectMapper json) {
		this.maxBodySize = settings.maxBodySize().toBytes();
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String nulParameter = parameterWithNul(request.getQueryString());
		if (nulParameter != null) {
			ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid parameter",
					"The parameter %s contains a NUL character (%%00), which no value can contain"
						.formatted(nulParameter));
			problem.setProperty("field", nulParameter);
			write(problem, request, response);
			return;
		}
		// uploads are held to the multipart limits by the servlet container
		if (isMultipart(request)) {
			chain.doFilter(request, response);
			return;
		}
		long length = request.getContentLengthLong();
		if (length > this.maxBodySize) {
			write(tooLarge(this.maxBodySize), request, response);
			return;
		}
		// a body sent in chunks tells its length only at the end: count while it is read
		chain.doFilter((length < 0) ? new LimitedRequest(request, this.maxBodySize) : request, response);
	}

	/** The problem for a body above the limit, also when found while reading. */
	static ProblemDetail tooLarge(long limit) {
		return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Request too large",
				"The request body is larger than %s, the most the API reads".formatted(size(limit)));
	}

	private static String size(long bytes) {
		if (bytes % (1024 * 1024) == 0) {
			return (bytes / (1024 * 1024)) + " MB";
		}
		if (bytes % 1024 == 0) {
			return (bytes / 1024) + " KB";
		}
		return bytes + " bytes";
	}

	private static String parameterWithNul(String query) {
		if (query == null || !query.contains("%00")) {
			return null;
		}
		for (String pair : query.split("&")) {
			if (pair.contains("%00")) {
				String name = pair.substring(0, (pair.indexOf('=') >= 0) ? pair.indexOf('=') : pair.length());
				try {
					return URLDecoder.decode(name, StandardCharsets.UTF_8).replace("\0", "\\0");
				}
				catch (IllegalArgumentException ex) {
					return name;
				}
			}
		}
		return null;
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase().startsWith("multipart/");
	}

	private void write(ProblemDetail problem, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		problem.setInstance(java.net.URI.create(request.getRequestURI()));
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), problem);
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

	/** A request whose body stops being readable one byte past the limit. */
	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream body;

		LimitedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.body == null) {
				this.body = new LimitedInputStream(super.getInputStream(), this.limit);
			}
			return this.body;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			Charset charset = (getCharacterEncoding() != null) ? Charset.forName(getCharacterEncoding())
					: StandardCharsets.UTF_8;
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

	}

	private static final class LimitedInputStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long limit;

		private long read;

		LimitedInputStream(ServletInputStream delegate, long limit) {
			this.delegate = delegate;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = this.delegate.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.delegate.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws RequestBodyTooLargeException {
			this.read += n;
			if (this.read > this.limit) {
				throw new RequestBodyTooLargeException(this.limit);
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

}
