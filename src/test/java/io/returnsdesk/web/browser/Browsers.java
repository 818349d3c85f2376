package io.returnsdesk.web.browser;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The browsers of a test, on the application of its Spring test context: closed after it,
 * and when it fails, what each showed is kept in {@code target/browser-failures/}, since
 * a headless browser leaves nothing else behind.
 */
final class Browsers implements BeforeEachCallback, TestExecutionExceptionHandler, AfterEachCallback {

	private final List<Chromium> open = new ArrayList<>();

	private String baseUrl;

	/** Where the test's application listens: on the port its server was given. */
	@Override
	public void beforeEach(ExtensionContext context) {
		this.baseUrl = "http://localhost:" + SpringExtension.getApplicationContext(context)
			.getEnvironment()
			.getRequiredProperty("local.server.port");
	}

	Chromium english() {
		return opened(Chromium.english(this.baseUrl));
	}

	Chromium chinese() {
		return opened(Chromium.chinese(this.baseUrl));
	}

	private Chromium opened(Chromium browser) {
		this.open.add(browser);
		return browser;
	}

	@Override
	public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
		for (int i = 0; i < this.open.size(); i++) {
			try {
				this.open.get(i).keepEvidence(context.getRequiredTestMethod().getName() + "-" + i);
			}
			catch (RuntimeException ex) {
				failure.addSuppressed(ex);
			}
		}
		throw failure;
	}

	@Override
	public void afterEach(ExtensionContext context) {
		this.open.forEach(Chromium::close);
		this.open.clear();
	}

}
