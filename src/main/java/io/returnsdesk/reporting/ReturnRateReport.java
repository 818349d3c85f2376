package io.returnsdesk.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * reason or month. Days are the merchant's days; each figure is one grouped query over an
 * indexed time range.
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
			select %s as group_key, %s as group_label, sum(rl.quantity) as quantity,
			       sum(rl.quantity * rl.unit_price) as amount
			from return_order r
			join return_line rl on rl.return_id = r.id
			join trade_order o on o.id = r.order_id
			join trade_order_line ol on ol.id = rl.order_line_id
			join product p on p.id = ol.product_id
			left join store st on st.code = o.store_code
			where r.status = 'CONFIRMED' and r.type = :returnType and r.confirmed_at >= :from and r.confirmed_at < :to
			  and (:store = '' or o.store_code = :store)
			group by %s, %s""";

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
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("The period ends (%s) before it starts (%s)".formatted(to, from));
		}
		if (from.plusDays(MAX_DAYS).isBefore(to)) {
			throw new IllegalArgumentException("A report covers at most %d days".formatted(MAX_DAYS));
		}
		Scope scope = new Scope(supplier, (store != null) ? store : "");
		return switch (grouping) {
			case PRODUCT -> grouped(scope.of(from, to), "p.sku", "p.name");
			case STORE -> grouped(scope.of(from, to), "o.store_code", "st.name");
			case REASON -> byReason(scope.of(from, to));
			case MONTH -> byMonth(from, to, scope);
		};
	}

	private List<ReturnRateRow> grouped(MapSqlParameterSource range, String key, String label) {
		Map<String, Figures> figures = new LinkedHashMap<>();
		this.jdbc.query(SHIPPED.formatted(key, label, key, label), range, (RowCallbackHandler) (
				row) -> figures(figures, row.getString("group_key"), row.getString("group_label")).shipped += row
					.getLong("quantity"));
		this.jdbc.query(RETURNED.formatted(key, label, key, label), range, (RowCallbackHandler) (row) -> {
			Figures entry = figures(figures, row.getString("group_key"), row.getString("group_label"));
			entry.returned += row.getLong("quantity");
			entry.amount = entry.amount.add(row.getBigDecimal("amount"));
		});
		List<ReturnRateRow> rows = new ArrayList<>();
		figures.forEach((k, f) -> rows.add(row(k, f.label, f.shipped, f.returned, f.amount)));
		// the worst first: highest rate, then most returned
		rows.sort(Comparator.comparing(ReturnRateRow::returnRate, Comparator.nullsLast(Comparator.reverseOrder()))
			.thenComparing(ReturnRateRow::returnedQuantity, Comparator.reverseOrder())
			.thenComparing(ReturnRateRow::key));
		return rows;
	}

	/** Each reason's returns against all units shipped in the period. */
	private List<ReturnRateRow> byReason(MapSqlParameterSource range) {
		long shipped = shippedTotal(range);
		List<ReturnRateRow> rows = new ArrayList<>();
		this.jdbc.query(RETURNED.formatted("r.reason", "r.reason", "r.reason", "r.reason"), range,
				(RowCallbackHandler) (row) -> rows.add(row(row.getString("group_key"), row.getString("group_key"),
						shipped, row.getLong("quantity"), row.getBigDecimal("amount"))));
		rows.sort(Comparator.comparing(ReturnRateRow::returnedQuantity, Comparator.reverseOrder())
			.thenComparing(ReturnRateRow::key));
		return rows;
	}

	/** One row per calendar month that the period touches, in order. */
	private List<ReturnRateRow> byMonth(LocalDate from, LocalDate to, Scope scope) {
		List<ReturnRateRow> rows = new ArrayList<>();
		for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
			LocalDate first = month.atDay(1).isBefore(from) ? from : month.atDay(1);
			LocalDate last = month.atEndOfMonth().isAfter(to) ? to : month.atEndOfMonth();
			MapSqlParameterSource range = scope.of(first, last);
			long shipped = shippedTotal(range);
			long[] returned = new long[1];
			BigDecimal[] amount = { BigDecimal.ZERO };
			this.jdbc.query(RETURNED.formatted("r.type", "r.type", "r.type", "r.type"), range,
					(RowCallbackHandler) (row) -> {
						returned[0] += row.getLong("quantity");
						amount[0] = amount[0].add(row.getBigDecimal("amount"));
					});
			rows.add(row(month.toString(), month.toString(), shipped, returned[0], amount[0]));
		}
		return rows;
	}

	private long shippedTotal(MapSqlParameterSource range) {
		long[] shipped = new long[1];
		this.jdbc.query(SHIPPED.formatted("o.type", "o.type", "o.type", "o.type"), range,
				(RowCallbackHandler) (row) -> shipped[0] += row.getLong("quantity"));
		return shipped[0];
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
		MapSqlParameterSource of(LocalDate from, LocalDate to) {
			return new MapSqlParameterSource()
				.addValue("from", Timestamp.from(from.atStartOfDay(ReturnRateReport.this.zone).toInstant()))
				.addValue("to", Timestamp.from(to.plusDays(1).atStartOfDay(ReturnRateReport.this.zone).toInstant()))
				.addValue("orderType", this.supplier ? "PURCHASE" : "SALES")
				.addValue("returnType", this.supplier ? "SUPPLIER" : "CUSTOMER")
				.addValue("store", this.store);
		}

	}

	private static Figures figures(Map<String, Figures> figures, String key, String label) {
		return figures.computeIfAbsent(key, (k) -> new Figures((label != null) ? label : k));
	}

	private static final class Figures {

		final String label;

		long shipped;

		long returned;

		BigDecimal amount = BigDecimal.ZERO;

		Figures(String label) {
			this.label = label;
		}

	}

}
