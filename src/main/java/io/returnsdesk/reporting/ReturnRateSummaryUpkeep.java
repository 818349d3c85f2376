package io.returnsdesk.reporting;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.returnsdesk.reporting.ReturnRateSummary.Grain;
import io.returnsdesk.returns.ReturnConfirmed;
import io.returnsdesk.sales.OrderFulfilled;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static io.returnsdesk.reporting.ReturnRateSummary.ALL_PRODUCTS;
import static io.returnsdesk.reporting.ReturnRateSummary.ALL_REASONS;
import static io.returnsdesk.reporting.ReturnRateSummary.ALL_STORES;

/**
 * Keeps the {@link ReturnRateSummary} exact between rebuilds: each transaction that ships
 * orders or confirms returns adds its units to it, in the same transaction, as it
 * commits; a confirmed return the units that came back and, apart, those its customer
 * kept (a returnless refund).
 */
@Component
class ReturnRateSummaryUpkeep {

	private static final String ADD_SHIPPED_POSTGRES = """
			insert into {shipped} ({period}, order_type, store_code, product_id, quantity)
			values (?, ?, ?, ?, ?)
			on conflict ({period}, order_type, store_code, product_id)
			do update set quantity = {shipped}.quantity + excluded.quantity""";

	private static final String ADD_SHIPPED_H2 = """
			merge into {shipped} t
			using (select cast(? as date) as {period}, cast(? as varchar(10)) as order_type,
			              cast(? as varchar(20)) as store_code, cast(? as bigint) as product_id,
			              cast(? as bigint) as quantity) s
			on t.{period} = s.{period} and t.order_type = s.order_type and t.store_code = s.store_code
			   and t.product_id = s.product_id
			when matched then update set quantity = t.quantity + s.quantity
			when not matched then insert ({period}, order_type, store_code, product_id, quantity)
			  values (s.{period}, s.order_type, s.store_code, s.product_id, s.quantity)""";

	private static final String ADD_RETURNED_POSTGRES = """
			insert into {returned} ({period}, return_type, store_code, product_id, reason, quantity, amount,
			                        returnless_quantity, returnless_amount)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?)
			on conflict ({period}, return_type, store_code, product_id, reason)
			do update set quantity = {returned}.quantity + excluded.quantity,
			              amount = {returned}.amount + excluded.amount,
			              returnless_quantity = {returned}.returnless_quantity + excluded.returnless_quantity,
			              returnless_amount = {returned}.returnless_amount + excluded.returnless_amount""";

	private static final String ADD_RETURNED_H2 = """
			merge into {returned} t
			using (select cast(? as date) as {period}, cast(? as varchar(10)) as return_type,
			              cast(? as varchar(20)) as store_code, cast(? as bigint) as product_id,
			              cast(? as varchar(20)) as reason, cast(? as bigint) as quantity,
			              cast(? as numeric(19, 2)) as amount, cast(? as bigint) as returnless_quantity,
			              cast(? as numeric(19, 2)) as returnless_amount) s
			on t.{period} = s.{period} and t.return_type = s.return_type and t.store_code = s.store_code
			   and t.product_id = s.product_id and t.reason = s.reason
			when matched then update set quantity = t.quantity + s.quantity, amount = t.amount + s.amount,
			  returnless_quantity = t.returnless_quantity + s.returnless_quantity,
			  returnless_amount = t.returnless_amount + s.returnless_amount
			when not matched then insert ({period}, return_type, store_code, product_id, reason, quantity, amount,
			                              returnless_quantity, returnless_amount)
			  values (s.{period}, s.return_type, s.store_code, s.product_id, s.reason, s.quantity, s.amount,
			          s.returnless_quantity, s.returnless_amount)""";

	private final JdbcTemplate jdbc;

	private final ZoneId zone;

	private final boolean postgres;

	ReturnRateSummaryUpkeep(JdbcTemplate jdbc, ReturnRateSummary summary, Clock clock) {
		this.jdbc = jdbc;
		this.zone = clock.getZone();
		this.postgres = summary.onPostgres();
	}

	/** The merchant's day, or the first day of the merchant's month, of an instant. */
	LocalDate period(Grain grain, Instant at) {
		LocalDate day = at.atZone(this.zone).toLocalDate();
		return (grain == Grain.DAY) ? day : day.withDayOfMonth(1);
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(OrderFulfilled fulfilled) {
		Pending pending = pending();
		for (OrderFulfilled.Line line : fulfilled.lines()) {
			Units units = new Units(line.quantity(), BigDecimal.ZERO, 0, BigDecimal.ZERO);
			for (Grain grain : Grain.values()) {
				LocalDate period = period(grain, fulfilled.at());
				for (String store : List.of(fulfilled.storeCode(), ALL_STORES)) {
					for (long product : List.of(line.productId(), ALL_PRODUCTS)) {
						pending.add(grain, false, new Key(period, fulfilled.type().name(), store, product, ALL_REASONS),
								units);
					}
				}
			}
		}
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(ReturnConfirmed confirmed) {
		Pending pending = pending();
		for (ReturnConfirmed.Line line : confirmed.lines()) {
			// what came back, and apart what the customer kept (a returnless refund)
			Units units = new Units(line.quantity(), line.amount(), line.returnlessQuantity(), line.returnlessAmount());
			for (Grain grain : Grain.values()) {
				LocalDate period = period(grain, confirmed.confirmedAt());
				String type = confirmed.type().name();
				for (String store : List.of(confirmed.storeCode(), ALL_STORES)) {
					pending.add(grain, true, new Key(period, type, store, line.productId(), ALL_REASONS), units);
					pending.add(grain, true, new Key(period, type, store, ALL_PRODUCTS, ALL_REASONS), units);
					pending.add(grain, true, new Key(period, type, store, ALL_PRODUCTS, confirmed.reason().name()),
							units);
				}
			}
		}
	}

	/**
	 * The units this transaction adds, written when it commits: every shipment and
	 * confirmation adds to the rows over all stores and products, so a transaction that
	 * holds their locks makes the others wait; written last, it holds them only while it
	 * commits (measured in the benchmark: the summary's waits took two thirds of the
	 * database time of a lifecycle when written as each event came).
	 */
	private Pending pending() {
		Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
		if (pending == null) {
			pending = new Pending();
			TransactionSynchronizationManager.bindResource(this, pending);
			TransactionSynchronizationManager.registerSynchronization(pending);
		}
		return pending;
	}

	private final class Pending implements TransactionSynchronization {

		private final Map<Grain, Map<Key, Units>> shipped = new EnumMap<>(Grain.class);

		private final Map<Grain, Map<Key, Units>> returned = new EnumMap<>(Grain.class);

		void add(Grain grain, boolean isReturn, Key key, Units units) {
			(isReturn ? this.returned : this.shipped).computeIfAbsent(grain, (g) -> new TreeMap<>())
				.computeIfAbsent(key, (k) -> new Units())
				.add(units);
		}

		/**
		 * In one order, grain by grain and key by key: transactions that add to the same
		 * rows lock them in the same order and never deadlock.
		 */
		@Override
		public void beforeCommit(boolean readOnly) {
			ReturnRateSummaryUpkeep upkeep = ReturnRateSummaryUpkeep.this;
			this.shipped.forEach((grain, rows) -> upkeep.jdbc.batchUpdate(
					grain.sql(upkeep.postgres ? ADD_SHIPPED_POSTGRES : ADD_SHIPPED_H2),
					rows.entrySet()
						.stream()
						.map((row) -> new Object[] { Date.valueOf(row.getKey().period()), row.getKey().type(),
								row.getKey().store(), row.getKey().product(), row.getValue().quantity })
						.toList()));
			this.returned.forEach((grain, rows) -> upkeep.jdbc.batchUpdate(
					grain.sql(upkeep.postgres ? ADD_RETURNED_POSTGRES : ADD_RETURNED_H2),
					rows.entrySet()
						.stream()
						.map((row) -> new Object[] { Date.valueOf(row.getKey().period()), row.getKey().type(),
								row.getKey().store(), row.getKey().product(), row.getKey().reason(),
								row.getValue().quantity, row.getValue().amount, row.getValue().returnlessQuantity,
								row.getValue().returnlessAmount })
						.toList()));
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(ReturnRateSummaryUpkeep.this);
		}

	}

	/**
	 * A row of a period: order or return type, store (or all), product (or all), reason
	 * (or all).
	 */
	private record Key(LocalDate period, String type, String store, long product,
			String reason) implements Comparable<Key> {

		private static final Comparator<Key> ORDER = Comparator.comparing(Key::period)
			.thenComparing(Key::type)
			.thenComparing(Key::store)
			.thenComparingLong(Key::product)
			.thenComparing(Key::reason);

		@Override
		public int compareTo(Key other) {
			return ORDER.compare(this, other);
		}

	}

	private static final class Units {

		long quantity;

		BigDecimal amount = BigDecimal.ZERO;

		long returnlessQuantity;

		BigDecimal returnlessAmount = BigDecimal.ZERO;

		Units() {
		}

		Units(long quantity, BigDecimal amount, long returnlessQuantity, BigDecimal returnlessAmount) {
			this.quantity = quantity;
			this.amount = amount;
			this.returnlessQuantity = returnlessQuantity;
			this.returnlessAmount = returnlessAmount;
		}

		void add(Units units) {
			this.quantity += units.quantity;
			this.amount = this.amount.add(units.amount);
			this.returnlessQuantity += units.returnlessQuantity;
			this.returnlessAmount = this.returnlessAmount.add(units.returnlessAmount);
		}

	}

}
