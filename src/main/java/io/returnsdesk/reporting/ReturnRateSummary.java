package io.returnsdesk.reporting;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Units shipped and returned per month of the merchant's calendar (tables
 * {@code return_rate_shipped} and {@code return_rate_returned}) and per day (the same,
 * {@code _day}, for the parts of months a period takes): per store and product, over all
 * stores (store {@value #ALL_STORES}), over all products (product {@value #ALL_PRODUCTS})
 * and over both, and the returns of each reason over all products, so that a report over
 * a year reads a few thousand rows instead of every line. A returned row's quantity and
 * amount are the units received and their value; its returnless quantity and amount,
 * apart, the units returnless refunds left with the customers and theirs. Kept exact by
 * the transactions that ship orders and confirm returns: each adds its units in the same
 * transaction, as it commits ({@link ReturnRateSummaryUpkeep}); built anew from the
 * shipments and returns when the application starts without it (or with another time
 * zone), and by {@link #rebuild()} after rows were written around the application.
 */
@Service
public class ReturnRateSummary {

	/** The store code of rows over all stores. */
	static final String ALL_STORES = "";

	/** The product id of rows over all products. */
	static final long ALL_PRODUCTS = 0;

	/** The reason of rows over all reasons. */
	static final String ALL_REASONS = "";

	/** The summary's tables: by month and by day, shipped and returned. */
	static final List<String> SUMMARY_TABLES = List.of("return_rate_shipped", "return_rate_returned",
			"return_rate_shipped_day", "return_rate_returned_day");

	private static final Logger log = LoggerFactory.getLogger(ReturnRateSummary.class);

	private static final String BUILD_SHIPPED = """
			insert into {shipped} ({period}, order_type, store_code, product_id, quantity)
			select {key}, o.type, o.store_code, ol.product_id, sum(sl.quantity)
			from shipment s
			join trade_order o on o.id = s.order_id
			join shipment_line sl on sl.shipment_id = s.id
			join trade_order_line ol on ol.id = sl.order_line_id
			where s.kind = 'ORIGINAL' and s.shipped_at >= ? and s.shipped_at < ?
			group by {keyGroup}o.type, o.store_code, ol.product_id""";

	// units received and their value; apart, the units a returnless refund left with the
	// customer (it receives none, and holds the units asked for) and theirs
	private static final String BUILD_RETURNED = """
			insert into {returned} ({period}, return_type, store_code, product_id, reason, quantity, amount,
			                        returnless_quantity, returnless_amount)
			select {key}, r.type, o.store_code, %s, %s, sum(rl.received_quantity), sum(rl.received_quantity * rl.unit_price),
			       sum(case when r.returnless then rl.quantity else 0 end),
			       sum(case when r.returnless then rl.quantity * rl.unit_price else 0 end)
			from return_order r
			join return_line rl on rl.return_id = r.id
			join trade_order o on o.id = r.order_id
			join trade_order_line ol on ol.id = rl.order_line_id
			where r.status = 'CONFIRMED' and r.confirmed_at >= ? and r.confirmed_at < ?
			group by {keyGroup}r.type, o.store_code, %s""";

	// a month's rows per store and product (or reason): the sum of its days'
	private static final List<String> BUILD_MONTH_FROM_DAYS = List.of("""
			insert into return_rate_shipped (month_start, order_type, store_code, product_id, quantity)
			select ?, order_type, store_code, product_id, sum(quantity) from return_rate_shipped_day
			where day_start >= ? and day_start < ? and store_code <> '' and product_id <> 0
			group by order_type, store_code, product_id""",
			"""
					insert into return_rate_returned (month_start, return_type, store_code, product_id, reason, quantity, amount,
					                                  returnless_quantity, returnless_amount)
					select ?, return_type, store_code, product_id, reason, sum(quantity), sum(amount),
					       sum(returnless_quantity), sum(returnless_amount) from return_rate_returned_day
					where day_start >= ? and day_start < ? and store_code <> '' and (product_id <> 0 or reason <> '')
					group by return_type, store_code, product_id, reason""");

	// the rows over all stores, all products or both, from the rows per store and product
	// (or per store and reason)
	private static final List<String> BUILD_ROLLUPS = List.of("""
			insert into {shipped} ({period}, order_type, store_code, product_id, quantity)
			select {period}, order_type, '', product_id, sum(quantity) from {shipped}
			where store_code <> '' and product_id <> 0 group by {period}, order_type, product_id""", """
			insert into {shipped} ({period}, order_type, store_code, product_id, quantity)
			select {period}, order_type, store_code, 0, sum(quantity) from {shipped}
			where product_id <> 0 group by {period}, order_type, store_code""", """
			insert into {returned} ({period}, return_type, store_code, product_id, reason, quantity, amount,
			                        returnless_quantity, returnless_amount)
			select {period}, return_type, '', product_id, reason, sum(quantity), sum(amount),
			       sum(returnless_quantity), sum(returnless_amount) from {returned}
			where store_code <> '' group by {period}, return_type, product_id, reason""", """
			insert into {returned} ({period}, return_type, store_code, product_id, reason, quantity, amount,
			                        returnless_quantity, returnless_amount)
			select {period}, return_type, store_code, 0, '', sum(quantity), sum(amount),
			       sum(returnless_quantity), sum(returnless_amount) from {returned}
			where product_id <> 0 group by {period}, return_type, store_code""");

	/** The summary's two grains: months, and days for the parts of months. */
	enum Grain {

		MONTH("return_rate_shipped", "return_rate_returned", "month_start"),
		DAY("return_rate_shipped_day", "return_rate_returned_day", "day_start");

		final String shipped;

		final String returned;

		final String period;

		Grain(String shipped, String returned, String period) {
			this.shipped = shipped;
			this.returned = returned;
			this.period = period;
		}

		/** The statement for this grain's tables. */
		String sql(String template) {
			return template.replace("{shipped}", this.shipped)
				.replace("{returned}", this.returned)
				.replace("{period}", this.period);
		}

	}

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final ZoneId zone;

	private final boolean postgres;

	ReturnRateSummary(JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.zone = clock.getZone();
		this.postgres = "PostgreSQL".equals(jdbc
			.execute((ConnectionCallback<String>) (connection) -> connection.getMetaData().getDatabaseProductName()));
	}

	/** Whether the summary lives on PostgreSQL (else on H2): their statements differ. */
	boolean onPostgres() {
		return this.postgres;
	}

	/**
	 * The day rows per store and product (or reason) of the days from … until (excluded):
	 * the key is the day or, with the expressions given, the zone that makes it.
	 */
	private void buildDays(Object key, LocalDate from, LocalDate until, String shippedDay, String confirmedDay) {
		Timestamp start = Timestamp.from(from.atStartOfDay(this.zone).toInstant());
		Timestamp end = Timestamp.from(until.atStartOfDay(this.zone).toInstant());
		String keyGroup = shippedDay.equals("?") ? "" : "1, ";
		this.jdbc.update(Grain.DAY.sql(BUILD_SHIPPED).replace("{key}", shippedDay).replace("{keyGroup}", keyGroup), key,
				start, end);
		String returned = Grain.DAY.sql(BUILD_RETURNED).replace("{key}", confirmedDay).replace("{keyGroup}", keyGroup);
		this.jdbc.update(returned.formatted("ol.product_id", "''", "ol.product_id"), key, start, end);
		this.jdbc.update(returned.formatted("0", "r.reason", "r.reason"), key, start, end);
	}

	/** Builds the summary when there is none yet, or one of another calendar. */
	@EventListener(ApplicationReadyEvent.class)
	void buildWhenMissing() {
		List<String> zones = this.jdbc.queryForList("select time_zone from return_rate_summary_state where id = 1",
				String.class);
		if (zones.isEmpty() || !zones.get(0).equals(this.zone.getId())) {
			rebuild();
		}
	}

	/**
	 * Builds the summary anew from the shipments and confirmed returns, in one
	 * transaction; for rows that were written around the application (a bulk load, a
	 * repair). On PostgreSQL, shipments and confirmations meanwhile wait for it and then
	 * add their units to the new summary.
	 */
	public void rebuild() {
		long begin = System.nanoTime();
		int[] days = new int[1];
		this.transaction.executeWithoutResult((status) -> {
			if (this.postgres) {
				// waits for the transactions that added to the summary, and holds back
				// the next ones until this one has committed: each is counted once
				this.jdbc.execute(SUMMARY_TABLES.stream()
					.collect(Collectors.joining(", ", "lock table ", ", return_rate_summary_state in exclusive mode")));
			}
			for (Grain grain : Grain.values()) {
				this.jdbc.update(grain.sql("delete from {shipped}"));
				this.jdbc.update(grain.sql("delete from {returned}"));
			}
			Timestamp first = this.jdbc.queryForObject("""
					select min(at) from (select min(shipped_at) as at from shipment where kind = 'ORIGINAL'
					  union all select min(confirmed_at) from return_order where status = 'CONFIRMED') firsts""",
					Timestamp.class);
			Timestamp last = this.jdbc.queryForObject("""
					select max(at) from (select max(shipped_at) as at from shipment where kind = 'ORIGINAL'
					  union all select max(confirmed_at) from return_order where status = 'CONFIRMED') lasts""",
					Timestamp.class);
			if (first != null) {
				LocalDate firstDay = first.toInstant().atZone(this.zone).toLocalDate();
				LocalDate lastDay = last.toInstant().atZone(this.zone).toLocalDate();
				if (this.postgres) {
					// a month at a time, each row on its day in the merchant's time zone
					for (YearMonth month = YearMonth.from(firstDay); !month
						.isAfter(YearMonth.from(lastDay)); month = month.plusMonths(1)) {
						buildDays(this.zone.getId(), month.atDay(1), month.plusMonths(1).atDay(1),
								"cast(s.shipped_at at time zone ? as date)",
								"cast(r.confirmed_at at time zone ? as date)");
					}
					days[0] = (int) (lastDay.toEpochDay() - firstDay.toEpochDay() + 1);
				}
				else {
					for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
						buildDays(Date.valueOf(day), day, day.plusDays(1), "?", "?");
						days[0]++;
					}
				}
				for (YearMonth month = YearMonth.from(firstDay); !month.isAfter(YearMonth.from(lastDay)); month = month
					.plusMonths(1)) {
					Date key = Date.valueOf(month.atDay(1));
					Date to = Date.valueOf(month.plusMonths(1).atDay(1));
					BUILD_MONTH_FROM_DAYS.forEach((sql) -> this.jdbc.update(sql, key, key, to));
				}
			}
			for (Grain grain : Grain.values()) {
				BUILD_ROLLUPS.forEach((sql) -> this.jdbc.update(grain.sql(sql)));
			}
			this.jdbc.update("delete from return_rate_summary_state");
			this.jdbc.update("insert into return_rate_summary_state (id, time_zone, built_at) values (1, ?, ?)",
					this.zone.getId(), Timestamp.from(Instant.now()));
		});
		if (this.postgres) {
			// the tables' whole content is new: without fresh statistics (autovacuum
			// gathers them only later) the planner reads them as they were, and the
			// rolling year by product took 590 ms instead of 110 after a bulk load
			this.jdbc.execute(SUMMARY_TABLES.stream().collect(Collectors.joining(", ", "analyze ", "")));
		}
		log.info("Return-rate summary built: {} days in {} ms", days[0], (System.nanoTime() - begin) / 1_000_000);
	}

}
