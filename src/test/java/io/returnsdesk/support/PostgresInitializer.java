package io.returnsdesk.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points the application at a database of the test run's PostgreSQL server, by default
 * {@code returnsdesk}.
 */
public class PostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private final String database;

	public PostgresInitializer() {
		this("returnsdesk");
	}

	protected PostgresInitializer(String database) {
		this.database = database;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPropertyValues
			.of("spring.datasource.url=" + PostgresTestDatabase.url(this.database),
					"spring.datasource.username=postgres", "spring.datasource.password=")
			.applyTo(context);
		PostgresTestDatabase.attach(context);
	}

}
