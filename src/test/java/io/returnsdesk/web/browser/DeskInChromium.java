package io.returnsdesk.web.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.returnsdesk.support.PostgresInitializer;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The application as the desk's tests in Chromium meet it: listening on a free port, on a
 * database of its own, with a small count cap. Every test so configured runs in the one
 * application context on that database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "returns.search.count-cap=" + DeskInChromium.COUNT_CAP)
@ActiveProfiles("test")
@ContextConfiguration(initializers = DeskInChromium.BrowserDatabase.class)
@interface DeskInChromium {

	/**
	 * Free text alone is counted up to this many returns (a small cap, to page past it).
	 */
	int COUNT_CAP = 2;

	/**
	 * A database of its own: the history that the pictures show holds only these returns.
	 */
	class BrowserDatabase extends PostgresInitializer {

		BrowserDatabase() {
			super("browser");
		}

	}

}
