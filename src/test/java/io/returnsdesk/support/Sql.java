package io.returnsdesk.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plain JDBC reads for the check, which looks at the tables from outside the application.
 */
public final class Sql {

	private Sql() {
	}

	public static long number(Connection db, String sql) throws SQLException {
		try (PreparedStatement statement = db.prepareStatement(sql); ResultSet result = statement.executeQuery()) {
			result.next();
			return result.getLong(1);
		}
	}

	/** Waits until the count the query answers is the one expected, and asserts it is. */
	public static void await(Connection db, String count, long expected, Duration timeout)
			throws SQLException, InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		long found = number(db, count);
		while (found != expected && System.nanoTime() < deadline) {
			Thread.sleep(250);
			found = number(db, count);
		}
		assertThat(found).as(count).isEqualTo(expected);
	}

	public static List<Map<String, Object>> rows(Connection db, String sql) throws SQLException {
		List<Map<String, Object>> rows = new ArrayList<>();
		try (PreparedStatement statement = db.prepareStatement(sql); ResultSet result = statement.executeQuery()) {
			ResultSetMetaData meta = result.getMetaData();
			while (result.next()) {
				Map<String, Object> row = new LinkedHashMap<>();
				for (int i = 1; i <= meta.getColumnCount(); i++) {
					row.put(meta.getColumnLabel(i), result.getObject(i));
				}
				rows.add(row);
			}
		}
		return rows;
	}

}
