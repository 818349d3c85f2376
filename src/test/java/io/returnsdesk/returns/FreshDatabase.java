package io.returnsdesk.returns;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.returnsdesk.support.PostgresTestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * A fresh, empty database of each kind the application runs on, for the tests of a
 * migration: migrated by Flyway as the application configures it to an older version,
 * given the data that version wrote, and migrated to the latest.
 */
enum FreshDatabase {

	POSTGRESQL {
		@Override
		String url(String name) {
			return PostgresTestDatabase.url(name);
		}

		@Override
		void drop(String name) {
			try (Connection server = DriverManager.getConnection(PostgresTestDatabase.url("postgres"))) {
				server.createStatement().execute("drop database if exists " + name);
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}
	},

	/** In its default mode, as the application's default URL has it. */
	H2 {
		@Override
		String url(String name) {
			// lives as long as a connection of the pool is open
			return "jdbc:h2:mem:" + name;
		}

		@Override
		void drop(String name) {
			// gone with the pool's last connection
		}
	};

	/**
	 * The merchant's zone: the {@code timeZone} placeholder, as application.yaml sets it.
	 */
	static final String MERCHANT_ZONE = "Asia/Shanghai";

	abstract String url(String name);

	abstract void drop(String name);

	/** The folder under db/vendor, as Spring Boot's {vendor} names it. */
	String vendor() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** A pool on the database of the given name, created empty on first use. */
	HikariDataSource open(String name) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(url(name));
		// sessions on UTC, as on a server: the merchant's day must come from the
		// merchant's zone, not the session's or the JVM's (a JVM in Shanghai would
		// hide a migration that took either)
		dataSource.setConnectionInitSql("set time zone 'UTC'");
		return dataSource;
	}

	/**
	 * Migrates the database to the given version and writes into it, with plain SQL, the
	 * data that the application of that version wrote.
	 */
	void migrateTo(DataSource dataSource, String version, String data) {
		flyway(dataSource).target(version).load().migrate();
		ResourceDatabasePopulator script = new ResourceDatabasePopulator(
				new ByteArrayResource(data.getBytes(StandardCharsets.UTF_8)));
		script.setSqlScriptEncoding(StandardCharsets.UTF_8.name());
		script.execute(dataSource);
	}

	void migrateToLatest(DataSource dataSource) {
		flyway(dataSource).load().migrate();
	}

	/** Flyway as the application configures it (application.yaml, spring.flyway). */
	private FluentConfiguration flyway(DataSource dataSource) {
		return Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration", "classpath:db/vendor/" + vendor())
			.placeholders(Map.of("timeZone", MERCHANT_ZONE));
	}

}
