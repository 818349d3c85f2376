package io.returnsdesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * One real PostgreSQL server for the whole test run, started on first use, without
 * Docker.
 */
public final class PostgresTestDatabase {

	private static final List<ConfigurableApplicationContext> contexts = new CopyOnWriteArrayList<>();

	private static EmbeddedPostgres server;

	private PostgresTestDatabase() {
	}

	/** Keeps the server up until the given application context has closed. */
	public static void attach(ConfigurableApplicationContext context) {
		contexts.add(context);
	}

	// shutdown hooks run side by side: the test contexts close theirs while this one
	// waits
	private static void stopAfterContexts() {
		long deadline = System.currentTimeMillis() + 20_000;
		while (contexts.stream().anyMatch(ConfigurableApplicationContext::isActive)
				&& System.currentTimeMillis() < deadline) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		try {
			server.close();
		}
		catch (IOException ex) {
			// the JVM is going away; the temporary data directory goes with it
		}
	}

	/** The JDBC URL of a database on the shared server, created on first use. */
	public static synchronized String url(String database) {
		if (server == null) {
			try {
				server = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(PostgresTestDatabase::stopAfterContexts));
		}
		if (!"postgres".equals(database)) {
			try (Connection connection = server.getPostgresDatabase().getConnection()) {
				var exists = connection.prepareStatement("select 1 from pg_database where datname = ?");
				exists.setString(1, database);
				if (!exists.executeQuery().next()) {
					connection.createStatement().execute("create database " + database);
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return server.getJdbcUrl("postgres", database);
	}

}
