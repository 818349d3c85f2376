package io.returnsdesk.chaos;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.returnsdesk.support.Sql;

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

	private final MailSink mail;

	/** How many mails may be received twice: those in flight when a node was killed. */
	private final int mailsInFlightAtKills;

	/** The notifications the paths call for: kind, return number, recipient. */
	private final List<String> expectedNotifications = new ArrayList<>();

	/** An invariant and what was found. */
	record Check(String name, boolean ok, String detail) {

	}

	/** A return as its row says. */
	private record Row(String number, String type, String status, String resolution, BigDecimal total,
			BigDecimal refund, String requestedBy) {

	}

	Invariants(Connection db, List<Lifecycle> lifecycles, MailSink mail, int mailsInFlightAtKills) {
		this.db = db;
		this.lifecycles = lifecycles;
		this.mail = mail;
		this.mailsInFlightAtKills = mailsInFlightAtKills;
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
		books(returns, confirmed);
		stockLevels();
		replacements(confirmed);
		notifications(returns);
		mails();
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
				select r.number, l.line_no, ol.line_no as order_line_no, l.received_quantity, l.scrapped_quantity
				from return_line l join return_order r on r.id = l.return_id
				join trade_order_line ol on ol.id = l.order_line_id where r.status = 'CONFIRMED'""")) {
			Row row = byNumber.get((String) line.get("number"));
			// what came back moves; a line of which nothing came back moves nothing
			int quantity = (Integer) line.get("received_quantity");
			int scrapped = (Integer) line.get("scrapped_quantity");
			String prefix = row.number() + " line ";
			if (quantity == 0) {
				continue;
			}
			if (row.type().equals("SUPPLIER")) {
				expected.add(prefix + line.get("line_no") + " SUPPLIER_RETURN " + -quantity);
			}
			else {
				expected.add(prefix + line.get("line_no") + " CUSTOMER_RETURN " + quantity);
				if (scrapped > 0) {
					expected.add(prefix + line.get("line_no") + " SCRAP " + -scrapped);
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

	/**
	 * The books: per confirmed return one balanced entry of its refund (and one of an
	 * exchange's replacement), none for any other return, one note, entry and note
	 * numbers without a gap or a repeat, a trial balance that balances, and 1405 equal to
	 * what the returns moved at cost.
	 */
	private void books(Map<String, Row> returns, List<Row> confirmed) throws SQLException {
		Map<String, Map<String, Object>> entries = new HashMap<>();
		for (Map<String, Object> row : rows("""
				select e.event_key, count(*) as lines, sum(l.debit) as debits, sum(l.credit) as credits
				from journal_entry e join journal_line l on l.entry_id = e.id group by e.event_key""")) {
			entries.put((String) row.get("event_key"), row);
		}
		List<String> wrong = new ArrayList<>();
		Set<String> expected = new HashSet<>();
		for (Row row : confirmed) {
			expected.add(row.number() + ":RETURN");
			if (row.resolution().equals("EXCHANGE")) {
				expected.add(row.number() + ":REPLACEMENT");
			}
		}
		for (String event : expected) {
			Map<String, Object> entry = entries.get(event);
			if (entry == null || ((BigDecimal) entry.get("debits")).compareTo((BigDecimal) entry.get("credits")) != 0) {
				wrong.add("%s: %s".formatted(event, entry));
			}
		}
		entries.keySet()
			.stream()
			.filter((event) -> !expected.contains(event))
			.forEach((event) -> wrong.add(event + " posted but not a confirmed return's"));
		this.counts.put("journal entries", entries.size());
		this.counts.put("journal lines", number("select count(*) from journal_line"));
		check("one balanced entry per confirmed return (and replacement), none else", wrong.isEmpty(), wrong);
		long notes = number("select count(*) from credit_note");
		long notedReturns = number("""
				select count(*) from credit_note n join return_order r on r.number = n.return_number
				where r.status = 'CONFIRMED'""");
		this.counts.put("credit and debit notes", notes);
		check("one note per confirmed return, none else", notes == confirmed.size() && notedReturns == notes,
				notes + " notes for " + confirmed.size() + " confirmed returns");
		List<String> gaps = new ArrayList<>();
		gaps.addAll(numberGaps("select number from journal_entry"));
		gaps.addAll(numberGaps("select number from credit_note"));
		check("entry and note numbers without a gap or a repeat, per kind and day", gaps.isEmpty(), gaps);
		BigDecimal debits = decimal("select coalesce(sum(debit), 0) from journal_line");
		BigDecimal credits = decimal("select coalesce(sum(credit), 0) from journal_line");
		check("the trial balance balances", debits.compareTo(credits) == 0,
				debits + " debits, " + credits + " credits");
		BigDecimal moved = decimal("""
				select coalesce(sum(moved_value), 0) from stock_movement
				where kind in ('CUSTOMER_RETURN', 'SCRAP', 'SUPPLIER_RETURN', 'REPLACEMENT_SHIPMENT',
				               'REPLACEMENT_RECEIPT')""");
		BigDecimal inventory = decimal(
				"select coalesce(sum(debit - credit), 0) from journal_line where account = '1405'");
		check("1405 equals what returns moved at cost", moved.compareTo(inventory) == 0,
				moved + " moved, " + inventory + " on 1405");
	}

	/**
	 * Numbers of the form KIND-yyyyMMdd-NNNN that repeat, or skip one, within their kind
	 * and day.
	 */
	private List<String> numberGaps(String query) throws SQLException {
		Map<String, List<Integer>> byDay = new HashMap<>();
		for (Map<String, Object> row : rows(query)) {
			String number = (String) row.get("number");
			int cut = number.lastIndexOf('-');
			byDay.computeIfAbsent(number.substring(0, cut), (day) -> new ArrayList<>())
				.add(Integer.parseInt(number.substring(cut + 1)));
		}
		List<String> gaps = new ArrayList<>();
		byDay.forEach((day, numbers) -> {
			Collections.sort(numbers);
			for (int i = 0; i < numbers.size(); i++) {
				if (numbers.get(i) != i + 1) {
					gaps.add(day + " has " + numbers);
					return;
				}
			}
		});
		return gaps;
	}

	private BigDecimal decimal(String query) throws SQLException {
		return new BigDecimal(String.valueOf(rows(query).get(0).values().iterator().next()));
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
		List<String> expected = this.expectedNotifications;
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

	/**
	 * Each notification goes out by e-mail once to each address its recipients have (an
	 * address reached through the requester and a group gets one mail): queued once in
	 * the outbox, sent, and received by the mail server, across its outage and the kills.
	 * A mail the server took just before a node died may come a second time with the same
	 * {@code Message-ID} (at least once at the SMTP boundary, README); no other.
	 */
	private void mails() throws SQLException {
		Map<String, String> emails = new HashMap<>();
		for (Map<String, Object> row : rows(
				"select id_, lower(email_) as email from act_id_user where email_ is not null")) {
			emails.put("user:" + row.get("id_"), (String) row.get("email"));
		}
		Map<String, List<String>> groups = new HashMap<>();
		for (Map<String, Object> row : rows("""
				select m.group_id_, lower(u.email_) as email from act_id_membership m
				join act_id_user u on u.id_ = m.user_id_ where u.email_ is not null""")) {
			groups.computeIfAbsent("group:" + row.get("group_id_"), (group) -> new ArrayList<>())
				.add((String) row.get("email"));
		}
		// one mail per address of a notice (kind and return), however many recipients
		// lead
		// to it
		Map<String, Set<String>> addressesByNotice = new LinkedHashMap<>();
		for (String notification : this.expectedNotifications) {
			int space = notification.lastIndexOf(' ');
			String recipient = notification.substring(space + 1);
			Set<String> addresses = addressesByNotice.computeIfAbsent(notification.substring(0, space),
					(notice) -> new TreeSet<>());
			if (emails.containsKey(recipient)) {
				addresses.add(emails.get(recipient));
			}
			addresses.addAll(groups.getOrDefault(recipient, List.of()));
		}
		List<String> expected = new ArrayList<>();
		addressesByNotice
			.forEach((notice, addresses) -> addresses.forEach((address) -> expected.add(notice + " " + address)));
		List<Map<String, Object>> outbox = rows("""
				select m.id, m.notification_id, lower(m.to_address) as address,
				  n.kind || ' ' || m.reference || ' ' || lower(m.to_address) as mail
				from mail_outbox m join notification n on n.id = m.notification_id where m.reference like 'RT-%'""");
		List<String> actual = outbox.stream().map((row) -> (String) row.get("mail")).toList();
		this.counts.put("mails in the outbox", outbox.size());
		rows("select status, count(*) as mails from mail_outbox group by status order by status")
			.forEach((row) -> this.counts.put("  mails " + row.get("status"), row.get("mails")));
		List<String> missing = minus(expected, actual);
		List<String> extra = minus(actual, expected);
		check("one mail per notification and address in the outbox (none missing, none twice)",
				missing.isEmpty() && extra.isEmpty(),
				"missing " + first(missing) + ", twice or unexpected " + first(extra));
		List<Map<String, Object>> unsent = rows(
				"select id, status, attempts, last_error from mail_outbox where status <> 'SENT' limit 10");
		check("every mail sent (none left PENDING or FAILED)", unsent.isEmpty(), unsent);

		Map<String, Integer> times = this.mail.timesByMessageId();
		Map<String, String> receivedAt = new HashMap<>();
		this.mail.deliveries()
			.forEach((delivery) -> receivedAt.put(delivery.messageId(), delivery.to().toLowerCase(Locale.ROOT)));
		List<String> notReceived = new ArrayList<>();
		Set<String> ours = new HashSet<>();
		for (Map<String, Object> row : outbox) {
			// the relay's Message-ID (MailRelay.messageId) with the default sender's
			// domain
			String messageId = "<returns-desk.mail-%s.notification-%s@returnsdesk.example.com>".formatted(row.get("id"),
					row.get("notification_id"));
			ours.add(messageId);
			if (!row.get("address").equals(receivedAt.get(messageId))) {
				notReceived.add("%s to %s (received at %s)".formatted(messageId, row.get("address"),
						receivedAt.get(messageId)));
			}
		}
		List<String> unknown = times.keySet().stream().filter((messageId) -> !ours.contains(messageId)).toList();
		this.counts.put("mails received by the SMTP server (distinct)", times.size());
		this.counts.put("mail server outages (nodes could not connect)", this.mail.outages());
		check("every mail in the outbox received by the mail server, at its address",
				notReceived.isEmpty() && unknown.isEmpty(),
				"not received " + first(notReceived) + ", received but not in the outbox " + first(unknown));
		List<String> repeated = times.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() > 1)
			.map((entry) -> entry.getKey() + " x" + entry.getValue())
			.toList();
		int repeats = times.values().stream().mapToInt((count) -> count - 1).sum();
		this.counts.put("mails received again (same Message-ID, sent as a node died)", repeats);
		check("no mail received twice, except ones in flight when a node was killed (at most %d)"
			.formatted(this.mailsInFlightAtKills), repeats <= this.mailsInFlightAtKills, repeated);
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
