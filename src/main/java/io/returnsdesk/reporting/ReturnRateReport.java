package io.returnsdesk.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Return rates over a period: units returned by confirmed returns against units shipped
 * to customers (or, for supplier returns, received from suppliers), by product, store,
 * reason or month. Days are the merchant's days. Whole months are read from the
 * {@link ReturnRateSummary}'s months; of a month that the period takes only in part, the
 * summary's days inside the period, or, where that is fewer days, the month less the days
 * outside it. Either way the figures are those of the raw rows, which
 * {@link #reportFromRawRows} reads alone.
 */
@Service
public class ReturnRateReport {

	/** The longest period a report covers. */
	public static final int MAX_DAYS = 3 * 366;

	private static final String SHIPPED = """
			select %s as group_key, %s as group_label, sum(sl.quantity) as quantity
			from shipment s
			join trade_order o on o.id = s.order_id
			join shipment_line sl on sl.shipment_id = s.id
			join trade_order_line ol on ol.id = sl.order_line_id
			join product p on p.id = ol.product_id
			left join store st on st.code = o.store_code
			where s.kind = 'ORIGINAL' and o.type = :orderType and s.shipped_at >= :from and s.shipped_at < :to
			  and (:store = '' or o.store_code = :store)
			group by %s, %s""";

	private static final String RETURNED = """
			select %s as group_key, %s as group_label, sum(rl.received_quantity) as quantity,
			       sum(rl.received_quantity * rl.unit_price) as amount
			from return_order r
			join return_line rl on rl.return_id = r.id
			join trade_order o on o.id = r.order_id
			join trade_order_line ol on ol.id = rl.order_line_id
			join product p on p.id = ol.product_id
			left join store st on st.code = o.store_code
			where r.status = 'CONFIRMED' and r.type = :returnType and r.confirmed_at >= :from and r.confirmed_at < :to
			  and (:store = '' or o.store_code = :store)
			group by %s, %s""";

	// %5$s: which of the summary's rows (ReturnRateSummary): per product or store, over
	// all
	// of them, per reason
	private static final String SUMMARY_SHIPPED = """
			select %s as group_key, %s as group_label, sum(s.quantity) as quantity
			from return_rate_shipped s
			left join product p on p.id = s.product_id
			left join store st on st.code = s.store_code
			where s.order_type = :orderType and s.month_start in (:months) and %5$s
			group by %s, %s""";

	private static final String SUMMARY_RETURNED = """
			select %s as group_key, %s as group_label, sum(s.quantity) as quantity, sum(s.amount) as amount
			from return_rate_returned s
			left join product p on p.id = s.product_id
			left join store st on st.code = s.store_code
			where s.return_type = :returnType and s.month_start in (:months) and %5$s
			group by %s, %s""";

	/**
	 * What rows are grouped by: the key and label columns in the raw rows and in the
	 * summary, and which of the summary's rows to read (:store is '' for all stores, as
	 * the summary's rows over all stores are); a month's or the whole period's rows are
	 * keyed afterwards.
	 */
	private enum Dimension {

		PRODUCT("p.sku", "p.name", "p.sku", "p.name", "s.store_code = :store and s.product_id <> 0"),
		STORE("o.store_code", "st.name", "s.store_code", "st.name",
				"s.store_code <> '' and (:store = '' or s.store_code = :store) and s.product_id = 0"),
		REASON("r.reason", "r.reason", "s.reason", "s.reason", "s.store_code = :store and s.product_id = 0"),
		MONTH("o.type", "o.type", "s.month_start", "s.month_start", "s.store_code = :store and s.product_id = 0"),
		TOTAL("o.type", "o.type", "s.month_start", "s.month_start", "s.store_code = :store and s.product_id = 0");

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

	private final ReportingSettings settings;

	private final ZoneId zone;

	ReturnRateReport(NamedParameterJdbcTemplate jdbc, ReportingSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.zone = clock.getZone();
	}

	/**
	 * The report for the days {@code from} to {@code to}, both included, of customer
	 * returns ({@code supplier} false) or supplier returns, of one store's orders or of
	 * all stores ({@code store} null).
	 */
	@Transactional(readOnly = true)
	public List<ReturnRateRow> report(LocalDate from, LocalDate to, ReportGrouping grouping, boolean supplier,
			String store) {
		return report(from, to, grouping, supplier, store, true);
	}

	/**
	 * The same report read from the shipments and returns alone, without the summary:
	 * slower, for checking the summary.
	 */
	@Transactional(readOnly = true)
	public List<ReturnRateRow> reportFromRawRows(LocalDate from, LocalDate to, ReportGrouping grouping,
			boolean supplier, String store) {
		return report(from, to, grouping, supplier, store, false);
	}

	private List<ReturnRateRow> report(LocalDate from, LocalDate to, ReportGrouping grouping, boolean supplier,
			String store, boolean summary) {
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("The period ends (%s) before it starts (%s)".formatted(to, from));
		}
		if (from.plusDays(MAX_DAYS).isBefore(to)) {
			throw new IllegalArgumentException("A report covers at most %d days".formatted(MAX_DAYS));
		}
		Scope scope = new Scope(supplier, (store != null) ? store : "");
		Plan plan = summary ? Plan.of(from, to) : Plan.raw(from, to);
		return switch (grouping) {
			case PRODUCT -> grouped(scope, plan, Dimension.PRODUCT);
			case STORE -> grouped(scope, plan, Dimension.STORE);
			case REASON -> byReason(scope, plan);
			case MONTH -> byMonth(from, to, scope, plan);
		};
	}

	private List<ReturnRateRow> grouped(Scope scope, Plan plan, Dimension dimension) {
		Map<String, Figures> figures = new LinkedHashMap<>();
		shipped(scope, plan, dimension, figures);
		returned(scope, plan, dimension, figures);
		List<ReturnRateRow> rows = new ArrayList<>();
		figures.forEach((k, f) -> {
			if (!f.isEmpty()) {
				rows.add(row(k, f.label, f.shipped, f.returned, f.amount));
			}
		});
		// the worst first: highest rate, then most returned
		rows.sort(Comparator.comparing(ReturnRateRow::returnRate, Comparator.nullsLast(Comparator.reverseOrder()))
			.thenComparing(ReturnRateRow::returnedQuantity, Comparator.reverseOrder())
			.thenComparing(ReturnRateRow::key));
		return rows;
	}

	/** Each reason's returns against all units shipped in the period. */
	private List<ReturnRateRow> byReason(Scope scope, Plan plan) {
		Map<String, Figures> total = new LinkedHashMap<>();
		shipped(scope, plan, Dimension.TOTAL, total);
		long shipped = total.values().stream().mapToLong((f) -> f.shipped).sum();
		Map<String, Figures> reasons = new LinkedHashMap<>();
		returned(scope, plan, Dimension.REASON, reasons);
		List<ReturnRateRow> rows = new ArrayList<>();
		reasons.forEach((reason, f) -> {
			if (!f.isEmpty()) {
				rows.add(row(reason, reason, shipped, f.returned, f.amount));
			}
		});
		rows.sort(Comparator.comparing(ReturnRateRow::returnedQuantity, Comparator.reverseOrder())
			.thenComparing(ReturnRateRow::key));
		return rows;
	}

	/** One row per calendar month that the period touches, in order. */
	private List<ReturnRateRow> byMonth(LocalDate from, LocalDate to, Scope scope, Plan plan) {
		Map<String, Figures> months = new LinkedHashMap<>();
		for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
			months.put(month.toString(), new Figures(month.toString()));
		}
		shipped(scope, plan, Dimension.MONTH, months);
		returned(scope, plan, Dimension.MONTH, months);
		List<ReturnRateRow> rows = new ArrayList<>();
		months.forEach((month, f) -> rows.add(row(month, month, f.shipped, f.returned, f.amount)));
		return rows;
	}

	private void shipped(Scope scope, Plan plan, Dimension dimension, Map<String, Figures> figures) {
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

	private void returned(Scope scope, Plan plan, Dimension dimension, Map<String, Figures> figures) {
		if (!plan.months().isEmpty()) {
			this.jdbc.query(summary(SUMMARY_RETURNED, dimension, dimension.returnedRows()), scope.months(plan.months()),
					(RowCallbackHandler) (row) -> figures(figures, dimension, row, summaryMonth(row)).add(1,
							row.getLong("quantity"), row.getBigDecimal("amount")));
		}
		for (Days days : plan.days()) {
			String query = plan.daysFromSummary() ? days(summary(SUMMARY_RETURNED, dimension, dimension.returnedRows()))
					: grouped(RETURNED, dimension.rawKey, dimension.rawLabel);
			this.jdbc.query(query, scope.days(days.first(), days.last()),
					(RowCallbackHandler) (row) -> figures(figures, dimension, row, days.month()).add(days.sign(),
							row.getLong("quantity"), row.getBigDecimal("amount")));
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

	private static Figures figures(Map<String, Figures> figures, Dimension dimension, ResultSet row, YearMonth month)
			throws SQLException {
		String key = switch (dimension) {
			case MONTH -> month.toString();
			case TOTAL -> "";
			default -> row.getString("group_key");
		};
		String label = (dimension == Dimension.MONTH || dimension == Dimension.TOTAL) ? key
				: row.getString("group_label");
		return figures.computeIfAbsent(key, (k) -> new Figures((label != null) ? label : k));
	}

	private ReturnRateRow row(String key, String label, long shipped, long returned, BigDecimal amount) {
		BigDecimal rate = (shipped == 0) ? null
				: BigDecimal.valueOf(returned).divide(BigDecimal.valueOf(shipped), 4, RoundingMode.HALF_UP);
		boolean flagged = rate != null && BigDecimal.valueOf(returned)
			.compareTo(this.settings.returnRateThreshold().multiply(BigDecimal.valueOf(shipped))) > 0;
		return new ReturnRateRow(key, label, shipped, returned, rate, amount.setScale(2, RoundingMode.HALF_UP),
				flagged);
	}

	/** Which returns a report counts: customer or supplier, of one store or all (''). */
	private final class Scope {

		private final boolean supplier;

		private final String store;

		Scope(boolean supplier, String store) {
			this.supplier = supplier;
			this.store = store;
		}

		/**
		 * The query parameters for the days from … to, both included, in the merchant's
		 * time.
		 */
		MapSqlParameterSource days(LocalDate from, LocalDate to) {
			return common().addValue("firstDay", Date.valueOf(from))
				.addValue("lastDay", Date.valueOf(to))
				.addValue("from", Timestamp.from(from.atStartOfDay(ReturnRateReport.this.zone).toInstant()))
				.addValue("to", Timestamp.from(to.plusDays(1).atStartOfDay(ReturnRateReport.this.zone).toInstant()));
		}

		/** The query parameters for whole months of the summary. */
		MapSqlParameterSource months(List<YearMonth> months) {
			return common().addValue("months", months.stream().map((month) -> Date.valueOf(month.atDay(1))).toList());
		}

		private MapSqlParameterSource common() {
			return new MapSqlParameterSource().addValue("orderType", this.supplier ? "PURCHASE" : "SALES")
				.addValue("returnType", this.supplier ? "SUPPLIER" : "CUSTOMER")
				.addValue("store", this.store);
		}

	}

	/**
	 * Days read from the summary's days (or the raw rows), added (sign 1) or taken off
	 * (-1), and their month.
	 */
	record Days(LocalDate first, LocalDate last, int sign, YearMonth month) {

	}

	/**
	 * How a period is read: whole months from the summary, and days from the summary's
	 * days or, for the check, from the raw rows.
	 */
	record Plan(List<YearMonth> months, List<Days> days, boolean daysFromSummary) {

		/**
		 * Whole months from the summary; of a month taken in part, the days inside the
		 * period, or the month less the days outside it, whichever reads fewer days.
		 */
		static Plan of(LocalDate from, LocalDate to) {
			List<YearMonth> months = new ArrayList<>();
			List<Days> days = new ArrayList<>();
			for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month
				.plusMonths(1)) {
				LocalDate first = month.atDay(1).isBefore(from) ? from : month.atDay(1);
				LocalDate last = month.atEndOfMonth().isAfter(to) ? to : month.atEndOfMonth();
				int inside = (int) (last.toEpochDay() - first.toEpochDay() + 1);
				if (inside == month.lengthOfMonth()) {
					months.add(month);
				}
				else if (inside <= month.lengthOfMonth() - inside) {
					days.add(new Days(first, last, 1, month));
				}
				else {
					months.add(month);
					if (first.isAfter(month.atDay(1))) {
						days.add(new Days(month.atDay(1), first.minusDays(1), -1, month));
					}
					if (last.isBefore(month.atEndOfMonth())) {
						days.add(new Days(last.plusDays(1), month.atEndOfMonth(), -1, month));
					}
				}
			}
			return new Plan(months, days, true);
		}

		/** Every day from the raw rows, month by month. */
		static Plan raw(LocalDate from, LocalDate to) {
			List<Days> days = new ArrayList<>();
			for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month
				.plusMonths(1)) {
				LocalDate first = month.atDay(1).isBefore(from) ? from : month.atDay(1);
				LocalDate last = month.atEndOfMonth().isAfter(to) ? to : month.atEndOfMonth();
				days.add(new Days(first, last, 1, month));
			}
			return new Plan(List.of(), days, false);
		}

	}

	private static final class Figures {

		final String label;

		long shipped;

		long returned;

		BigDecimal amount = BigDecimal.ZERO;

		Figures(String label) {
			this.label = label;
		}

		void add(int sign, long quantity, BigDecimal value) {
			this.returned += sign * quantity;
			this.amount = (sign > 0) ? this.amount.add(value) : this.amount.subtract(value);
		}

		/** Nothing shipped or returned: a group that only taking days off left behind. */
		boolean isEmpty() {
			return this.shipped == 0 && this.returned == 0 && this.amount.signum() == 0;
		}

	}

}
