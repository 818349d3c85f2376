package io.returnsdesk.support;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts and sums of everything a request to the API could change, in the application's
 * tables and the engine's, so that a test can show that a refused request changed
 * nothing: take one before, compare with one after.
 */
@Component
public class Footprint {

	// what each figure counts; sums of versions and quantities catch rows changed in
	// place
	private static final Map<String, String> FIGURES = figures();

	private final JdbcTemplate jdbc;

	Footprint(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The figures now. */
	public Map<String, Long> now() {
		Map<String, Long> figures = new LinkedHashMap<>();
		FIGURES.forEach((name, sql) -> figures.put(name, this.jdbc.queryForObject(sql, Long.class)));
		return figures;
	}

	private static Map<String, String> figures() {
		Map<String, String> figures = new LinkedHashMap<>();
		figures.put("returns", "select count(*) from return_order");
		figures.put("return versions", "select coalesce(sum(version), 0) from return_order");
		figures.put("return lines", "select count(*) from return_line");
		figures.put("returned units", "select coalesce(sum(quantity), 0) from return_line");
		figures.put("return events", "select count(*) from return_event");
		// PostgreSQL's view of the sequence: a refused request must not draw a number
		figures.put("return numbers drawn",
				"select case when is_called then last_value else 0 end from return_number_seq");
		figures.put("attachments", "select count(*) from return_attachment");
		figures.put("stock movements", "select count(*) from stock_movement");
		figures.put("units on hand", "select coalesce(sum(on_hand), 0) from stock_level");
		figures.put("shipments", "select count(*) from shipment");
		figures.put("journal entries", "select count(*) from journal_entry");
		figures.put("journal lines", "select count(*) from journal_line");
		figures.put("credit notes", "select count(*) from credit_note");
		figures.put("value on hand", "select coalesce(sum(total_value), 0) from stock_valuation");
		figures.put("notifications", "select count(*) from notification");
		figures.put("mails queued", "select count(*) from mail_outbox");
		figures.put("webhooks", "select count(*) from webhook_subscription where active");
		figures.put("webhook deliveries", "select count(*) from webhook_delivery");
		figures.put("webhook deliveries pending", "select count(*) from webhook_delivery where state = 'PENDING'");
		figures.put("idempotency keys", "select count(*) from idempotency_key");
		figures.put("process instances", "select count(*) from act_hi_procinst");
		figures.put("open tasks", "select count(*) from act_ru_task");
		figures.put("completed tasks", "select count(*) from act_hi_taskinst where end_time_ is not null");
		figures.put("jobs", "select count(*) from act_ru_job");
		figures.put("process variables", "select count(*) from act_ru_variable");
		return figures;
	}

}
