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
import java.util.function.Function;

import javax.sql.DataSource;

/**
 * What the database did during a phase, from PostgreSQL's {@code pg_stat_statements}:
 * statements and their time per lifecycle (or request), and the costliest of them written
 * to {@code statements-<phase>.txt} — where to look first when a figure is off; then,
 * from the database's {@code pg_stat_user_tables}, the tables read whole (sequential
 * scans) and how many rows those scans read, which an index missing shows up as.
 */
final class Statements {

	/** As much of a statement as its conditions need to show. */
	private static final int TEXT = 1200;

	private final DataSource server;

	private final Function<String, DataSource> databases;

	private final Path out;

	/**
	 * @param server the server's own database, where {@code pg_stat_statements} is
	 * @param databases a connection to a database of the server, by name
	 */
	Statements(DataSource server, Function<String, DataSource> databases, Path out) throws SQLException {
		this.server = server;
		this.databases = databases;
		this.out = out;
		try (Connection connection = server.getConnection()) {
			connection.createStatement().execute("create extension if not exists pg_stat_statements");
		}
	}

	/** Forgets what was counted so far, statements and the database's table reads. */
	void reset(String database) throws SQLException {
		try (Connection connection = this.server.getConnection()) {
			connection.createStatement().execute("select pg_stat_statements_reset()");
		}
		try (Connection connection = this.databases.apply(database).getConnection()) {
			connection.createStatement().execute("select pg_stat_reset()");
		}
	}

	/**
	 * Statements, database time and rows read by whole-table scans per unit of the
	 * phase, and the file of the costliest statements and of the tables scanned.
	 */
	String report(String database, String phase, int units) throws SQLException, IOException {
		long calls = 0;
		double millis = 0;
		long scanned = 0;
		Path file = this.out.resolve("statements-" + phase + ".txt");
		try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
			try (Connection connection = this.server.getConnection();
					PreparedStatement statement = connection.prepareStatement("""
							select s.calls, s.total_exec_time, s.rows, regexp_replace(s.query, '\\s+', ' ', 'g') as query
							from pg_stat_statements s join pg_database d on d.oid = s.dbid
							where d.datname = ? order by s.total_exec_time desc""")) {
				statement.setString(1, database);
				writer.printf("%10s %10s %10s %10s  %s%n", "calls", "per unit", "ms", "rows", "statement");
				try (ResultSet rows = statement.executeQuery()) {
					while (rows.next()) {
						calls += rows.getLong("calls");
						millis += rows.getDouble("total_exec_time");
						String query = rows.getString("query");
						writer.printf("%10d %10.2f %10.1f %10d  %s%n", rows.getLong("calls"),
								rows.getLong("calls") / (double) units, rows.getDouble("total_exec_time"),
								rows.getLong("rows"), query.substring(0, Math.min(TEXT, query.length())));
					}
				}
			}
			// counted by each connection at its transactions' ends, a second late at most
			try (Connection connection = this.databases.apply(database).getConnection();
					PreparedStatement statement = connection.prepareStatement("""
							select s.relname, s.seq_scan, s.seq_tup_read, c.reltuples::bigint as size
							from pg_stat_user_tables s join pg_class c on c.oid = s.relid where seq_scan > 0 order by s.seq_tup_read desc, s.relname""")) {
				writer.printf("%nTables read whole (sequential scans) during the phase, and about how many rows they hold%n");
				writer.printf("%10s %10s %14s %14s %10s  %s%n", "scans", "per unit", "rows read", "per unit",
						"about", "table");
				try (ResultSet rows = statement.executeQuery()) {
					while (rows.next()) {
						scanned += rows.getLong("seq_tup_read");
						writer.printf("%10d %10.2f %14d %14.1f %10d  %s%n", rows.getLong("seq_scan"),
								rows.getLong("seq_scan") / (double) units, rows.getLong("seq_tup_read"),
								rows.getLong("seq_tup_read") / (double) units, rows.getLong("size"),
								rows.getString("relname"));
					}
				}
			}
		}
		return "%.1f statements, %.2f ms of database time and %.0f rows read by whole-table scans per unit; the costliest in %s"
			.formatted(calls / (double) units, millis / units, scanned / (double) units, file);
	}

}
