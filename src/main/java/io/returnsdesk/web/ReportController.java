package io.returnsdesk.web;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import io.returnsdesk.catalog.StoreScope;
import io.returnsdesk.reporting.ReportGrouping;
import io.returnsdesk.reporting.ReturnRateReport;
import io.returnsdesk.reporting.ReturnRateRow;
import io.returnsdesk.reporting.ReturnRateSummary;
import io.returnsdesk.returns.ProcessKpiReport;
import io.returnsdesk.returns.ProcessKpis;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Return rates and amounts by product, store, reason or month; the return process's
 * waiting times and outcomes.
 */
@RestController
@Tag(name = "Reports")
@RequestMapping("/api/reports")
class ReportController {

	private final ReturnRateReport report;

	private final ReturnRateSummary summary;

	private final ProcessKpis kpis;

	private final Clock clock;

	ReportController(ReturnRateReport report, ReturnRateSummary summary, ProcessKpis kpis, Clock clock) {
		this.report = report;
		this.summary = summary;
		this.kpis = kpis;
		this.clock = clock;
	}

	/**
	 * Customer returns by default; {@code type=SUPPLIER} reports supplier returns apart.
	 * Of the user's stores: a store of another is reported as one that has nothing.
	 */
	@Operation(summary = "Return rates and amounts by product, store, reason or month",
			description = "The days from and to, both included (default the last 30 days, at most a year or so); "
					+ "customer returns unless type is SUPPLIER; of the user's stores.")
	@GetMapping("/returns")
	List<ReturnRateRow> returns(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "product") String groupBy,
			@Parameter(schema = @Schema(allowableValues = { "CUSTOMER", "SUPPLIER" },
					defaultValue = "CUSTOMER")) @RequestParam(defaultValue = "CUSTOMER") String type,
			@RequestParam(required = false) String store, StoreScope scope) {
		DayPeriod period = DayPeriod.of(from, to, 30, ReturnRateReport.MAX_DAYS, this.clock);
		ReportGrouping grouping;
		try {
			grouping = ReportGrouping.valueOf(groupBy.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new BadRequestException("groupBy",
					"'%s' is not a grouping; choose product, store, reason or month".formatted(groupBy));
		}
		if (!type.equalsIgnoreCase("CUSTOMER") && !type.equalsIgnoreCase("SUPPLIER")) {
			throw new BadRequestException("type",
					"'%s' is not a return type; choose CUSTOMER or SUPPLIER".formatted(type));
		}
		return this.report.report(period.first(), period.last(), grouping, type.equalsIgnoreCase("SUPPLIER"),
				(store == null || store.isBlank()) ? null : store.strip(), scope);
	}

	/**
	 * Builds the reports' monthly summary anew from the shipments and returns, after rows
	 * were loaded into the database around the application (administrators).
	 */
	@Operation(summary = "Build the reports' monthly summary anew (administrators)")
	@PostMapping("/returns/summary/rebuild")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void rebuildSummary() {
		this.summary.rebuild();
	}

	/**
	 * Per step of the return process: tasks completed in the period with their median and
	 * 90th-percentile waiting time, tasks open now; requests rejected, resubmitted,
	 * withdrawn; approvals past the reminder. Of the caller's stores (the engine's
	 * tenants).
	 */
	@Operation(summary = "The return process's waiting times per step, open work and outcomes of the requests")
	@GetMapping("/process")
	ProcessKpiReport process(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			StoreScope scope) {
		DayPeriod period = DayPeriod.of(from, to, 30, ProcessKpis.MAX_DAYS, this.clock);
		return this.kpis.report(period.first(), period.last(), scope);
	}

}
