package io.returnsdesk.web.browser;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The browsers of a test: closed after it, and when it fails, what each showed is kept in
 * {@code target/browser-failures/}, since a headless browser leaves nothing else behind.
 */
final class Browsers implements TestExecutionExceptionHandler, AfterEachCallback {

	private final List<Chromium> open = new ArrayList<>();

	Chromium english(String baseUrl) {
		return opened(Chromium.english(baseUrl));
	}

	Chromium chinese(String baseUrl) {
		return opened(Chromium.chinese(baseUrl));
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
