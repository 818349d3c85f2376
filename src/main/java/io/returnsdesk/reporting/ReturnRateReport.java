package io.returnsdesk.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.returnsdesk.catalog.StoreScope;
import io.returnsdesk.reporting.ReturnRateQueries.Dimension;
import io.returnsdesk.reporting.ReturnRateQueries.Scope;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Return rates over a period: units returned by confirmed returns against units shipped
 * to customers (or, for supplier returns, received from suppliers), by product, store,
 * reason or month. The units a returnless refund left with the customer are returned
 * units (a returned sale, held by its return for good): they count in the units returned,
 * the rate and the amount, and are also shown apart. Days are the merchant's days. Whole
 * months are read from the {@link ReturnRateSummary}'s months; of a month that the period
 * takes only in part, the summary's days inside the period, or, where that is fewer days,
 * the month less the days outside it. Either way the figures are those of the raw rows,
 * which {@link #reportFromRawRows} reads alone.
 */
@Service
public class ReturnRateReport {

	/** The longest period a report covers. */
	public static final int MAX_DAYS = 3 * 366;

	private final ReturnRateQueries queries;

	private final ReportingSettings settings;

	ReturnRateReport(ReturnRateQueries queries, ReportingSettings settings) {
		this.queries = queries;
		this.settings = settings;
	}

	/**
	 * The report for the days {@code from} to {@code to}, both included, of customer
	 * returns ({@code supplier} false) or supplier returns, of one store's orders or of
	 * all stores ({@code store} null).
	 */
	@Transactional(readOnly = true)
	public List<ReturnRateRow> report(LocalDate from, LocalDate to, ReportGrouping grouping, boolean supplier,
			String store) {
		return report(from, to, grouping, supplier, store, StoreScope.everyStore());
	}

	/**
	 * The report as
	 * {@link #report(LocalDate, LocalDate, ReportGrouping, boolean, String)} over the
	 * stores of the scope only: of one of them, or of all of them together ({@code store}
	 * null); another store is reported as a store that has nothing.
	 */
	@Transactional(readOnly = true)
	public List<ReturnRateRow> report(LocalDate from, LocalDate to, ReportGrouping grouping, boolean supplier,
			String store, StoreScope scope) {
		return report(from, to, grouping, supplier, stores(store, scope), true);
	}

	/**
	 * The same report read from the shipments and returns alone, without the summary:
	 * slower, for checking the summary.
	 */
	@Transactional(readOnly = true)
	public List<ReturnRateRow> reportFromRawRows(LocalDate from, LocalDate to, ReportGrouping grouping,
			boolean supplier, String store) {
		return report(from, to, grouping, supplier, stores(store, StoreScope.everyStore()), false);
	}

	/** The stores whose rows are read: '' alone for all of them; none for none. */
	private static List<String> stores(String store, StoreScope scope) {
		if (store != null) {
			return scope.includes(store) ? List.of(store) : List.of();
		}
		return scope.isEveryStore() ? List.of("") : List.copyOf(scope.stores());
	}

	private List<ReturnRateRow> report(LocalDate from, LocalDate to, ReportGrouping grouping, boolean supplier,
			List<String> stores, boolean summary) {
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("The period ends (%s) before it starts (%s)".formatted(to, from));
		}
		if (from.plusDays(MAX_DAYS).isBefore(to)) {
			throw new IllegalArgumentException("A report covers at most %d days".formatted(MAX_DAYS));
		}
		Scope scope = this.queries.scope(supplier, stores);
		ReturnRatePlan plan = summary ? ReturnRatePlan.of(from, to) : ReturnRatePlan.raw(from, to);
		return switch (grouping) {
			case PRODUCT -> grouped(scope, plan, Dimension.PRODUCT);
			case STORE -> grouped(scope, plan, Dimension.STORE);
			case REASON -> byReason(scope, plan);
			case MONTH -> byMonth(from, to, scope, plan);
		};
	}

	private List<ReturnRateRow> grouped(Scope scope, ReturnRatePlan plan, Dimension dimension) {
		Map<String, ReturnRateFigures> figures = new LinkedHashMap<>();
		this.queries.shipped(scope, plan, dimension, figures);
		this.queries.returned(scope, plan, dimension, figures);
		List<ReturnRateRow> rows = new ArrayList<>();
		figures.forEach((k, f) -> {
			if (!f.isEmpty()) {
				rows.add(row(k, f.label, f.shipped, f));
			}
		});
		// the worst first: highest rate, then most returned
		rows.sort(Comparator.comparing(ReturnRateRow::returnRate, Comparator.nullsLast(Comparator.reverseOrder()))
			.thenComparing(ReturnRateRow::returnedQuantity, Comparator.reverseOrder())
			.thenComparing(ReturnRateRow::key));
		return rows;
	}

	/** Each reason's returns against all units shipped in the period. */
	private List<ReturnRateRow> byReason(Scope scope, ReturnRatePlan plan) {
		Map<String, ReturnRateFigures> total = new LinkedHashMap<>();
		this.queries.shipped(scope, plan, Dimension.TOTAL, total);
		long shipped = total.values().stream().mapToLong((f) -> f.shipped).sum();
		Map<String, ReturnRateFigures> reasons = new LinkedHashMap<>();
		this.queries.returned(scope, plan, Dimension.REASON, reasons);
		List<ReturnRateRow> rows = new ArrayList<>();
		reasons.forEach((reason, f) -> {
			if (!f.isEmpty()) {
				rows.add(row(reason, reason, shipped, f));
			}
		});
		rows.sort(Comparator.comparing(ReturnRateRow::returnedQuantity, Comparator.reverseOrder())
			.thenComparing(ReturnRateRow::key));
		return rows;
	}

	/** One row per calendar month that the period touches, in order. */
	private List<ReturnRateRow> byMonth(LocalDate from, LocalDate to, Scope scope, ReturnRatePlan plan) {
		Map<String, ReturnRateFigures> months = new LinkedHashMap<>();
		for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
			months.put(month.toString(), new ReturnRateFigures(month.toString()));
		}
		this.queries.shipped(scope, plan, Dimension.MONTH, months);
		this.queries.returned(scope, plan, Dimension.MONTH, months);
		List<ReturnRateRow> rows = new ArrayList<>();
		months.forEach((month, f) -> rows.add(row(month, month, f.shipped, f)));
		return rows;
	}

	/**
	 * A row of the units shipped and the figures returned: the rate counts the units the
	 * customers kept (returnless refunds) with those that came back.
	 */
	private ReturnRateRow row(String key, String label, long shipped, ReturnRateFigures figures) {
		long units = figures.returned();
		BigDecimal rate = (shipped == 0) ? null
				: BigDecimal.valueOf(units).divide(BigDecimal.valueOf(shipped), 4, RoundingMode.HALF_UP);
		boolean flagged = rate != null && BigDecimal.valueOf(units)
			.compareTo(this.settings.returnRateThreshold().multiply(BigDecimal.valueOf(shipped))) > 0;
		return new ReturnRateRow(key, label, shipped, units, rate, money(figures.amount()), figures.returnless,
				money(figures.returnlessAmount), flagged);
	}

	private static BigDecimal money(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_UP);
	}

}
