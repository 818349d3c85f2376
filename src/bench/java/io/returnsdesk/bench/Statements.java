package io.returnsdesk.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * What the database did during a phase, from PostgreSQL's {@code pg_stat_statements}:
 * statements and their time per lifecycle (or request), and the costliest of them written
 * to {@code statements-<phase>.txt} — where to look first when a figure is off.
 */
final class Statements {

	private final DataSource server;

	private final Path out;

	Statements(DataSource server, Path out) throws SQLException {
		this.server = server;
		this.out = out;
		try (Connection connection = server.getConnection()) {
			connection.createStatement().execute("create extension if not exists pg_stat_statements");
		}
	}

	/** Forgets what was counted so far. */
	void reset() throws SQLException {
		try (Connection connection = this.server.getConnection()) {
			connection.createStatement().execute("select pg_stat_statements_reset()");
		}
	}

	/**
	 * Statements and database time per unit of the phase, and the file of the costliest.
	 */
	String report(String database, String phase, int units) throws SQLException, IOException {
		long calls = 0;
		double millis = 0;
		Path file = this.out.resolve("statements-" + phase + ".txt");
		try (Connection connection = this.server.getConnection();
				PreparedStatement statement = connection.prepareStatement("""
						select s.calls, s.total_exec_time, s.rows, regexp_replace(s.query, '\\s+', ' ', 'g') as query
						from pg_stat_statements s join pg_database d on d.oid = s.dbid
						where d.datname = ? order by s.total_exec_time desc""");
				PrintWriter writer = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
			statement.setString(1, database);
			writer.printf("%10s %10s %10s %10s  %s%n", "calls", "per unit", "ms", "rows", "statement");
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					calls += rows.getLong("calls");
					millis += rows.getDouble("total_exec_time");
					String query = rows.getString("query");
					writer.printf("%10d %10.2f %10.1f %10d  %s%n", rows.getLong("calls"),
							rows.getLong("calls") / (double) units, rows.getDouble("total_exec_time"),
							rows.getLong("rows"), query.substring(0, Math.min(220, query.length())));
				}
			}
		}
		return "%.1f statements and %.2f ms of database time per unit; the costliest in %s"
			.formatted(calls / (double) units, millis / units, file);
	}

}
