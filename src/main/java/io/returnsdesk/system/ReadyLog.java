package io.returnsdesk.system;

import java.lang.management.ManagementFactory;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says, once the application is ready (readiness UP: the demo seeded, where there is
 * one), where to open it and how long the start took, so that a newcomer need not look
 * for it.
 */
@Component
class ReadyLog {

	private static final Logger log = LoggerFactory.getLogger(ReadyLog.class);

	// before anything else that speaks when ready (the demo's users)
	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void on(ApplicationReadyEvent ready) {
		if (!(ready.getApplicationContext() instanceof WebServerApplicationContext web)
				|| web.getWebServer().getPort() <= 0) {
			return;
		}
		Environment environment = ready.getApplicationContext().getEnvironment();
		String url = "http://localhost:%d%s/".formatted(web.getWebServer().getPort(),
				environment.getProperty("server.servlet.context-path", ""));
		log.info("Returns desk ready after {} s at {} (Tasklist {}camunda/app/tasklist/, API {}swagger-ui.html)",
				seconds(Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime())), url, url, url);
	}

	private static String seconds(Duration duration) {
		return "%.1f".formatted(duration.toMillis() / 1000.0);
	}

}
