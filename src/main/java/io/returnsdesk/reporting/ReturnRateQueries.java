package io.returnsdesk.reporting;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.returnsdesk.reporting.ReturnRatePlan.Days;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The return-rate report's reads: the units shipped and returned that a
 * {@link ReturnRatePlan} takes, grouped by a {@link Dimension}, from the
 * {@link ReturnRateSummary}'s months and days or from the raw rows, added to each group's
 * {@link ReturnRateFigures}. Returned are the units received and, apart, the units
 * returnless refunds left with the customers (they received none and hold those asked
 * for), each with its value at the original order's price.
 */
@Component
class ReturnRateQueries {

	private static final String SHIPPED = """
			select %s as group_key, %s as group_label, sum(sl.quantity) as quantity
			from shipment s
			join trade_order o on o.id = s.order_id
			join shipment_line sl on sl.shipment_id = s.id
			join trade_order_line ol on ol.id = sl.order_line_id
			join product p on p.id = ol.product_id
			left join store st on st.code = o.store_code
			where s.kind = 'ORIGINAL' and o.type = :orderType and s.shipped_at >= :from and s.shipped_at < :to
			  and ('' in (:stores) or o.store_code in (:stores))
			group by %s, %s""";

	private static final String RETURNED = """
			select %s as group_key, %s as group_label, sum(rl.received_quantity) as quantity,
			       sum(rl.received_quantity * rl.unit_price) as amount,
			       sum(case when r.returnless then rl.quantity else 0 end) as returnless_quantity,
			       sum(case when r.returnless then rl.quantity * rl.unit_price else 0 end) as returnless_amount
			from return_order r
			join return_line rl on rl.return_id = r.id
			join trade_order o on o.id = r.order_id
			join trade_order_line ol on ol.id = rl.order_line_id
			join product p on p.id = ol.product_id
			left join store st on st.code = o.store_code
			where r.status = 'CONFIRMED' and r.type = :returnType and r.confirmed_at >= :from and r.confirmed_at < :to
			  and ('' in (:stores) or o.store_code in (:stores))
			group by %s, %s""";

	// %5$s: which of the summary's rows (ReturnRateSummary): per product or store, over
	// all of them, per reason
	private static final String SUMMARY_SHIPPED = """
			select %s as group_key, %s as group_label, sum(s.quantity) as quantity
			from return_rate_shipped s
			left join product p on p.id = s.product_id
			left join store st on st.code = s.store_code
			where s.order_type = :orderType and s.month_start in (:months) and %5$s
			group by %s, %s""";

	private static final String SUMMARY_RETURNED = """
			select %s as group_key, %s as group_label, sum(s.quantity) as quantity, sum(s.amount) as amount,
			       sum(s.returnless_quantity) as returnless_quantity, sum(s.returnless_amount) as returnless_amount
			from return_rate_returned s
			left join product p on p.id = s.product_id
			left join store st on st.code = s.store_code
			where s.return_type = :returnType and s.month_start in (:months) and %5$s
			group by %s, %s""";

	/**
	 * What rows are grouped by: the key and label columns in the raw rows and in the
	 * summary, and which of the summary's rows to read (:stores is '' alone for all
	 * stores, as the summary's rows over all stores are, else the stores whose rows are
	 * added up); a month's or the whole period's rows are keyed afterwards.
	 */
	enum Dimension {

		PRODUCT("p.sku", "p.name", "p.sku", "p.name", "s.store_code in (:stores) and s.product_id <> 0"),
		STORE("o.store_code", "st.name", "s.store_code", "st.name",
				"s.store_code <> '' and ('' in (:stores) or s.store_code in (:stores)) and s.product_id = 0"),
		REASON("r.reason", "r.reason", "s.reason", "s.reason", "s.store_code in (:stores) and s.product_id = 0"),
		MONTH("o.type", "o.type", "s.month_start", "s.month_start", "s.store_code in (:stores) and s.product_id = 0"),
		TOTAL("o.type", "o.type", "s.month_start", "s.month_start", "s.store_code in (:stores) and s.product_id = 0");

		final String rawKey;

		final String rawLabel;

		final String summaryKey;

		final String summaryLabel;

		final String summaryRows;

		Dimension(String rawKey, String rawLabel, String summaryKey, String summaryLabel, String summaryRows) {
			this.rawKey = rawKey;
			this.rawLabel = rawLabel;
			this.summaryKey = summaryKey;
			this.summaryLabel = summaryLabel;
			this.summaryRows = summaryRows;
		}

		/** The summary's returned rows: of one reason for the reasons, else of all. */
		String returnedRows() {
			return this.summaryRows + ((this == REASON) ? " and s.reason <> ''" : " and s.reason = ''");
		}

	}

	private final NamedParameterJdbcTemplate jdbc;

	private final ZoneId zone;

	ReturnRateQueries(NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.zone = clock.getZone();
	}

	/**
	 * A scope whose days are the merchant's: they start in this clock's zone; of the
	 * stores, or of all ({@code ''} alone), or of none (empty: nothing is read).
	 */
	Scope scope(boolean supplier, List<String> stores) {
		return new Scope(supplier, stores);
	}

	void shipped(Scope scope, ReturnRatePlan plan, Dimension dimension, Map<String, ReturnRateFigures> figures) {
		if (scope.stores.isEmpty()) {
			return;
		}
		if (!plan.months().isEmpty()) {
			this.jdbc.query(summary(SUMMARY_SHIPPED, dimension, dimension.summaryRows), scope.months(plan.months()),
					(RowCallbackHandler) (row) -> figures(figures, dimension, row, summaryMonth(row)).shipped += row
						.getLong("quantity"));
		}
		for (Days days : plan.days()) {
			String query = plan.daysFromSummary() ? days(summary(SUMMARY_SHIPPED, dimension, dimension.summaryRows))
					: grouped(SHIPPED, dimension.rawKey, dimension.rawLabel);
			this.jdbc.query(query, scope.days(days.first(), days.last()),
					(RowCallbackHandler) (row) -> figures(figures, dimension, row, days.month()).shipped += days.sign()
							* row.getLong("quantity"));
		}
	}

	void returned(Scope scope, ReturnRatePlan plan, Dimension dimension, Map<String, ReturnRateFigures> figures) {
		if (scope.stores.isEmpty()) {
			return;
		}
		if (!plan.months().isEmpty()) {
			this.jdbc.query(summary(SUMMARY_RETURNED, dimension, dimension.returnedRows()), scope.months(plan.months()),
					(RowCallbackHandler) (row) -> figures(figures, dimension, row, summaryMonth(row)).add(1, row));
		}
		for (Days days : plan.days()) {
			String query = plan.daysFromSummary() ? days(summary(SUMMARY_RETURNED, dimension, dimension.returnedRows()))
					: grouped(RETURNED, dimension.rawKey, dimension.rawLabel);
			this.jdbc.query(query, scope.days(days.first(), days.last()),
					(RowCallbackHandler) (row) -> figures(figures, dimension, row, days.month()).add(days.sign(), row));
		}
	}

	private static String grouped(String query, String key, String label) {
		return query.formatted(key, label, key, label);
	}

	/** The query of the summary's months made one of its days. */
	private static String days(String monthsQuery) {
		return monthsQuery.replace("return_rate_shipped s", "return_rate_shipped_day s")
			.replace("return_rate_returned s", "return_rate_returned_day s")
			.replace("s.month_start in (:months)", "s.day_start >= :firstDay and s.day_start <= :lastDay")
			.replace("s.month_start", "s.day_start");
	}

	private static String summary(String query, Dimension dimension, String rows) {
		return query.formatted(dimension.summaryKey, dimension.summaryLabel, dimension.summaryKey,
				dimension.summaryLabel, rows);
	}

	private static YearMonth summaryMonth(ResultSet row) throws SQLException {
		// only the month dimension reads it
		String key = row.getString("group_key");
		return (key != null && key.length() >= 7 && key.charAt(4) == '-') ? YearMonth.parse(key.substring(0, 7)) : null;
	}

	private static ReturnRateFigures figures(Map<String, ReturnRateFigures> figures, Dimension dimension, ResultSet row,
			YearMonth month) throws SQLException {
		String key = switch (dimension) {
			case MONTH -> month.toString();
			case TOTAL -> "";
			default -> row.getString("group_key");
		};
		String label = (dimension == Dimension.MONTH || dimension == Dimension.TOTAL) ? key
				: row.getString("group_label");
		return figures.computeIfAbsent(key, (k) -> new ReturnRateFigures((label != null) ? label : k));
	}

	/**
	 * Which returns a report counts: customer or supplier, of some stores, all ('') or
	 * none.
	 */
	final class Scope {

		private final boolean supplier;

		private final List<String> stores;

		Scope(boolean supplier, List<String> stores) {
			this.supplier = supplier;
			this.stores = List.copyOf(stores);
		}

		/**
		 * The query parameters for the days from … to, both included, in the merchant's
		 * time.
		 */
		MapSqlParameterSource days(LocalDate from, LocalDate to) {
			return common().addValue("firstDay", Date.valueOf(from))
				.addValue("lastDay", Date.valueOf(to))
				.addValue("from", Timestamp.from(from.atStartOfDay(ReturnRateQueries.this.zone).toInstant()))
				.addValue("to", Timestamp.from(to.plusDays(1).atStartOfDay(ReturnRateQueries.this.zone).toInstant()));
		}

		/** The query parameters for whole months of the summary. */
		MapSqlParameterSource months(List<YearMonth> months) {
			return common().addValue("months", months.stream().map((month) -> Date.valueOf(month.atDay(1))).toList());
		}

		private MapSqlParameterSource common() {
			return new MapSqlParameterSource().addValue("orderType", this.supplier ? "PURCHASE" : "SALES")
				.addValue("returnType", this.supplier ? "SUPPLIER" : "CUSTOMER")
				.addValue("stores", this.stores);
		}

	}

}
