package io.returnsdesk.chaos;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What must hold after the run, read straight from the tables (never through the code
 * under test): each return where its client took it, each confirmed return posted exactly
 * once, stock equal to its ledger, nothing waiting, nothing told twice.
 */
final class Invariants {

	private final Connection db;

	private final List<Lifecycle> lifecycles;

	private final Map<String, Object> counts = new LinkedHashMap<>();

	private final List<Check> checks = new ArrayList<>();

	/** An invariant and what was found. */
	record Check(String name, boolean ok, String detail) {

	}

	/** A return as its row says. */
	private record Row(String number, String type, String status, String resolution, BigDecimal total,
			BigDecimal refund, String requestedBy) {

	}

	Invariants(Connection db, List<Lifecycle> lifecycles) {
		this.db = db;
		this.lifecycles = lifecycles;
	}

	Map<String, Object> counts() {
		return this.counts;
	}

	List<Check> checks() {
		return this.checks;
	}

	boolean allHold() {
		return this.checks.stream().allMatch(Check::ok);
	}

	void verify() throws SQLException {
		Map<String, Row> returns = new HashMap<>();
		for (Map<String, Object> row : rows("""
				select number, type, status, resolution, total_amount, refund_amount, requested_by
				from return_order""")) {
			returns.put((String) row.get("number"),
					new Row((String) row.get("number"), (String) row.get("type"), (String) row.get("status"),
							(String) row.get("resolution"), (BigDecimal) row.get("total_amount"),
							(BigDecimal) row.get("refund_amount"), (String) row.get("requested_by")));
		}
		List<Row> confirmed = returns.values().stream().filter((row) -> row.status().equals("CONFIRMED")).toList();
		this.counts.put("returns", returns.size());
		new TreeMap<>(returns.values().stream().collect(Collectors.groupingBy(Row::status, Collectors.counting())))
			.forEach((status, count) -> this.counts.put("  status " + status, count));

		clients(returns);
		oneReturnPerOrder();
		events();
		processInstances();
		stockMovements(confirmed);
		postings(returns, confirmed);
		stockLevels();
		replacements(confirmed);
		notifications(returns);
		fourEyes();
	}

	private void clients(Map<String, Row> returns) {
		List<String> unfinished = this.lifecycles.stream()
			.filter((lifecycle) -> !lifecycle.finished)
			.map((lifecycle) -> "#%d %s: %s".formatted(lifecycle.index, lifecycle.number, lifecycle.failure))
			.toList();
		check("every client finished its lifecycle", unfinished.isEmpty(), unfinished);
		List<String> wrong = new ArrayList<>();
		for (Lifecycle lifecycle : this.lifecycles) {
			Row row = (lifecycle.number != null) ? returns.get(lifecycle.number) : null;
			String status = (row != null) ? row.status() : "missing";
			if (!status.equals(lifecycle.expectedStatus())) {
				wrong.add("%s (%s) is %s, expected %s".formatted(lifecycle.number, lifecycle.path, status,
						lifecycle.expectedStatus()));
			}
		}
		check("every return ended in its expected status", wrong.isEmpty(), wrong);
	}

	private void oneReturnPerOrder() throws SQLException {
		List<Map<String, Object>> duplicates = rows("""
				select o.number, count(r.id) as returns from trade_order o
				left join return_order r on r.order_id = o.id
				where o.number like '%-CHAOS-%' group by o.number having count(r.id) <> 1""");
		check("one return per client (a retried request created none twice)", duplicates.isEmpty(), duplicates);
	}

	/**
	 * The status history of each return is exactly its path: no step lost, none twice.
	 */
	private void events() throws SQLException {
		Map<String, String> histories = new HashMap<>();
		for (Map<String, Object> row : rows("""
				select r.number, string_agg(e.status, '>' order by e.id) as history
				from return_order r join return_event e on e.return_id = r.id group by r.number""")) {
			histories.put((String) row.get("number"), (String) row.get("history"));
		}
		List<String> wrong = new ArrayList<>();
		for (Lifecycle lifecycle : this.lifecycles) {
			String expected = switch (lifecycle.path) {
				case REJECT_RESUBMIT -> "SUBMITTED>REJECTED>SUBMITTED>APPROVED>PROCESSED>CONFIRMED";
				case REJECT_WITHDRAW -> "SUBMITTED>REJECTED>WITHDRAWN";
				case SEND_BACK -> "SUBMITTED>APPROVED>PROCESSED>APPROVED>PROCESSED>CONFIRMED";
				default -> "SUBMITTED>APPROVED>PROCESSED>CONFIRMED";
			};
			String actual = histories.get(lifecycle.number);
			if (!expected.equals(actual)) {
				wrong.add("%s (%s): %s".formatted(lifecycle.number, lifecycle.path, actual));
			}
		}
		check("each return's status history is its path (no step lost or doubled)", wrong.isEmpty(), wrong);
		this.counts.put("status events", number("select count(*) from return_event"));
	}

	private void processInstances() throws SQLException {
		this.counts.put("process instances started",
				number("select count(*) from act_hi_procinst where proc_def_key_ = 'returnRequest'"));
		this.counts.put("user tasks completed",
				number("""
						select count(*) from act_hi_taskinst where proc_def_key_ = 'returnRequest' and end_time_ is not null"""));
		this.counts.put("posting jobs run (successful job log entries)", number("""
				select count(*) from act_hi_job_log where process_def_key_ = 'returnRequest' and job_state_ = 2"""));
		for (Map<String, Object> row : rows("""
				select coalesce(hostname_, '?') as host, count(*) as jobs from act_hi_job_log
				where process_def_key_ = 'returnRequest' and job_state_ = 2 group by hostname_ order by 1""")) {
			this.counts.put("  run by " + row.get("host"), row.get("jobs"));
		}
		this.counts.put("failed job attempts (retried)", number("""
				select count(*) from act_hi_job_log where process_def_key_ = 'returnRequest' and job_state_ = 1"""));
		for (Map<String, Object> row : rows("""
				select left(job_exception_msg_, 90) as message, count(*) as times from act_hi_job_log
				where process_def_key_ = 'returnRequest' and job_state_ = 1
				group by left(job_exception_msg_, 90) order by 2 desc limit 5""")) {
			this.counts.put("  failed: " + row.get("message"), row.get("times"));
		}
		long running = number("""
				select count(*) from act_hi_procinst where proc_def_key_ = 'returnRequest' and end_time_ is null""");
		long perReturn = number("""
				select count(*) from (select business_key_ from act_hi_procinst where proc_def_key_ = 'returnRequest'
				group by business_key_ having count(*) <> 1) twice""");
		check("no process instance left waiting", running == 0, running + " running: " + rows("""
				select p.business_key_, a.act_id_ from act_hi_procinst p
				join act_ru_execution a on a.proc_inst_id_ = p.id_
				where p.proc_def_key_ = 'returnRequest' and p.end_time_ is null and a.act_id_ is not null
				limit 20"""));
		check("one process instance per return", perReturn == 0, perReturn + " returns with another number");
		long jobs = number("select count(*) from act_ru_job where process_def_key_ = 'returnRequest'");
		check("no job left", jobs == 0, jobs + " jobs");
		long incidents = number("select count(*) from act_ru_incident");
		long pastIncidents = number("select count(*) from act_hi_incident");
		this.counts.put("incidents (open / ever)", incidents + " / " + pastIncidents);
		check("no incident", incidents == 0 && pastIncidents == 0,
				rows("select activity_id_, incident_msg_ from act_hi_incident limit 10"));
	}

	/** Exactly the movements that the confirmed returns' lines call for, each once. */
	private void stockMovements(List<Row> confirmed) throws SQLException {
		Map<String, Row> byNumber = confirmed.stream().collect(Collectors.toMap(Row::number, Function.identity()));
		List<String> expected = new ArrayList<>();
		for (Map<String, Object> line : rows("""
				select r.number, l.line_no, ol.line_no as order_line_no, l.quantity, l.line_condition
				from return_line l join return_order r on r.id = l.return_id
				join trade_order_line ol on ol.id = l.order_line_id where r.status = 'CONFIRMED'""")) {
			Row row = byNumber.get((String) line.get("number"));
			int quantity = (Integer) line.get("quantity");
			String prefix = row.number() + " line ";
			if (row.type().equals("SUPPLIER")) {
				expected.add(prefix + line.get("line_no") + " SUPPLIER_RETURN " + -quantity);
			}
			else {
				expected.add(prefix + line.get("line_no") + " CUSTOMER_RETURN " + quantity);
				if ("SCRAP".equals(line.get("line_condition"))) {
					expected.add(prefix + line.get("line_no") + " SCRAP " + -quantity);
				}
			}
			if (row.resolution().equals("EXCHANGE")) {
				expected.add(prefix + line.get("order_line_no") + " REPLACEMENT_"
						+ (row.type().equals("SUPPLIER") ? "RECEIPT " + quantity : "SHIPMENT " + -quantity));
			}
		}
		List<String> actual = rows("""
				select reference || ' line ' || reference_line || ' ' || kind || ' ' || quantity as movement
				from stock_movement where reference like 'RT-%'""").stream()
			.map((row) -> (String) row.get("movement"))
			.toList();
		List<String> missing = minus(expected, actual);
		List<String> extra = minus(actual, expected);
		this.counts.put("stock movements of returns", actual.size());
		rows("""
				select kind, count(*) as movements from stock_movement where reference like 'RT-%'
				group by kind order by kind""")
			.forEach((row) -> this.counts.put("  movements " + row.get("kind"), row.get("movements")));
		check("exactly one stock movement per confirmed return line and kind", missing.isEmpty() && extra.isEmpty(),
				"missing " + first(missing) + ", not expected (or twice) " + first(extra));
	}

	/** One balanced entry per confirmed return, of its refund (and value); none else. */
	private void postings(Map<String, Row> returns, List<Row> confirmed) throws SQLException {
		Map<String, Map<String, Object>> entries = new HashMap<>();
		for (Map<String, Object> row : rows("""
				select reference, count(*) as lines, sum(debit) as debits, sum(credit) as credits
				from finance_posting where reference like 'RT-%' group by reference""")) {
			entries.put((String) row.get("reference"), row);
		}
		List<String> wrong = new ArrayList<>();
		for (Row row : confirmed) {
			Map<String, Object> entry = entries.get(row.number());
			boolean supplier = row.type().equals("SUPPLIER");
			BigDecimal amount = supplier ? row.total() : row.refund();
			long lines = supplier ? ((row.refund().compareTo(row.total()) < 0) ? 3 : 2) : 2;
			if (entry == null || ((Number) entry.get("lines")).longValue() != lines
					|| ((BigDecimal) entry.get("debits")).compareTo(amount) != 0
					|| ((BigDecimal) entry.get("credits")).compareTo(amount) != 0) {
				wrong.add("%s: %s, expected %d lines of %s".formatted(row.number(), entry, lines, amount));
			}
		}
		entries.keySet()
			.stream()
			.filter((reference) -> !returns.containsKey(reference)
					|| !returns.get(reference).status().equals("CONFIRMED"))
			.forEach((reference) -> wrong.add(reference + " posted but not confirmed"));
		this.counts.put("finance entries (returns posted)", entries.size());
		this.counts.put("finance posting lines", number("select count(*) from finance_posting"));
		check("one balanced set of postings per confirmed return, none else", wrong.isEmpty(), wrong);
	}

	private void stockLevels() throws SQLException {
		List<Map<String, Object>> off = rows("""
				select coalesce(s.product_id, m.product_id) as product_id,
				  coalesce(s.warehouse_code, m.warehouse_code) as warehouse, s.on_hand, m.moved
				from stock_level s
				full join (select product_id, warehouse_code, sum(quantity) as moved from stock_movement
				           group by product_id, warehouse_code) m
				  on m.product_id = s.product_id and m.warehouse_code = s.warehouse_code
				where s.on_hand is null or m.moved is null or s.on_hand <> m.moved""");
		this.counts.put("stock levels (product x warehouse)", number("select count(*) from stock_level"));
		check("stock level = sum of movements, for every product and warehouse", off.isEmpty(), off);
	}

	private void replacements(List<Row> confirmed) throws SQLException {
		List<String> expected = confirmed.stream()
			.filter((row) -> row.resolution().equals("EXCHANGE"))
			.map(Row::number)
			.toList();
		List<String> actual = rows("select return_number from shipment where kind = 'REPLACEMENT'").stream()
			.map((row) -> (String) row.get("return_number"))
			.toList();
		this.counts.put("replacement shipments", actual.size());
		check("one replacement shipment per confirmed exchange, none else",
				minus(expected, actual).isEmpty() && minus(actual, expected).isEmpty(),
				"missing " + first(minus(expected, actual)) + ", extra " + first(minus(actual, expected)));
	}

	/**
	 * Each notification that the process writes once per step is written once, to each of
	 * its recipients; none is missing.
	 */
	private void notifications(Map<String, Row> returns) throws SQLException {
		List<String> expected = new ArrayList<>();
		for (Lifecycle lifecycle : this.lifecycles) {
			Row row = returns.get(lifecycle.number);
			if (row == null) {
				continue;
			}
			String requester = "user:" + row.requestedBy();
			String number = row.number();
			if (lifecycle.path == Lifecycle.Path.REJECT_RESUBMIT || lifecycle.path == Lifecycle.Path.REJECT_WITHDRAW) {
				expected.add("RETURN_REJECTED " + number + " " + requester);
			}
			if (lifecycle.path == Lifecycle.Path.REJECT_WITHDRAW) {
				continue;
			}
			expected.add("RETURN_APPROVED " + number + " " + requester);
			expected.add("RETURN_APPROVED " + number + " group:warehouse");
			if (lifecycle.path == Lifecycle.Path.SEND_BACK) {
				expected.add("PROCESSING_REOPENED " + number + " group:warehouse");
			}
			if (row.status().equals("CONFIRMED")) {
				expected.add("RETURN_CONFIRMED " + number + " " + requester);
				expected.add("RETURN_CONFIRMED " + number + " group:warehouse");
				if (lifecycle.path == Lifecycle.Path.EXCHANGE) {
					expected.add("REPLACEMENT_SHIPPED " + number + " " + requester);
				}
			}
		}
		List<String> actual = rows(
				"""
						select kind || ' ' || reference || ' ' || coalesce('user:' || recipient_user, 'group:' || recipient_group)
						  as notification
						from notification where reference like 'RT-%'""")
			.stream()
			.map((row) -> (String) row.get("notification"))
			.toList();
		this.counts.put("notifications", actual.size());
		rows("select kind, count(*) as sent from notification group by kind order by kind")
			.forEach((row) -> this.counts.put("  notified " + row.get("kind"), row.get("sent")));
		List<String> missing = minus(expected, actual);
		List<String> extra = minus(actual, expected);
		check("each notification once per recipient (none duplicated, none missing)",
				missing.isEmpty() && extra.isEmpty(),
				"missing " + first(missing) + ", duplicated or unexpected " + first(extra));
	}

	private void fourEyes() throws SQLException {
		List<Map<String, Object>> decidedByRequester = rows("""
				select r.number, e.actor from return_event e join return_order r on r.id = e.return_id
				where e.status in ('APPROVED', 'REJECTED') and e.actor = r.requested_by""");
		check("no return approved or rejected by its requester", decidedByRequester.isEmpty(), decidedByRequester);
	}

	private void check(String name, boolean ok, Object detail) {
		String text = String.valueOf(detail);
		if (detail instanceof List<?> list) {
			text = list.size() + ": " + first(list);
		}
		this.checks.add(new Check(name, ok, ok ? "" : text));
	}

	private static List<String> minus(List<String> from, List<String> taken) {
		Map<String, Integer> left = new HashMap<>();
		taken.forEach((item) -> left.merge(item, 1, Integer::sum));
		List<String> rest = new ArrayList<>();
		for (String item : from) {
			Integer count = left.get(item);
			if (count != null && count > 0) {
				left.put(item, count - 1);
			}
			else {
				rest.add(item);
			}
		}
		return rest;
	}

	private static String first(List<?> items) {
		return items.stream().limit(5).map(String::valueOf).collect(Collectors.joining("; ", "[", "]"))
				+ ((items.size() > 5) ? " and %d more".formatted(items.size() - 5) : "");
	}

	private long number(String sql) throws SQLException {
		return Sql.number(this.db, sql);
	}

	private List<Map<String, Object>> rows(String sql) throws SQLException {
		return Sql.rows(this.db, sql);
	}

}
