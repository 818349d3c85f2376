package io.returnsdesk.returns;

import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rows the application finds by a column are found through an index, on PostgreSQL as
 * migrated: a table read whole grows slower with every return, stock movement or order
 * the merchant keeps. A foreign key without an index makes every read of a parent's
 * children (and every delete of a parent) read the child table whole.
 */
class SchemaIndexesIntegrationTest {

	/**
	 * Foreign keys that need no index: their parent is reference data that is never
	 * deleted (a store, a warehouse, a product), and no query reads the children of one
	 * parent; a reversal names the entry it reverses, read from the reversal only; a
	 * shipment's lines are read by shipment.
	 */
	private static final List<String> NOT_READ_BY_PARENT = List.of("journal_entry(reverses_id)",
			"return_line(exchange_product_id)", "return_order(warehouse_code)", "shipment(warehouse_code)",
			"shipment_line(order_line_id)", "shipment_line(product_id)", "stock_hold(warehouse_code)",
			"stock_level(warehouse_code)", "stock_movement(warehouse_code)", "trade_order(warehouse_code)",
			"warehouse(store_code)");

	/**
	 * What the application finds rows by, beside foreign keys and primary keys: a
	 * document's number or reference, as each step of a return looks it up.
	 */
	private static final List<String> LOOKED_UP_BY = List.of("return_order(number)", "trade_order(number)",
			"stock_movement(reference)", "journal_entry(event_key)", "journal_entry(number)",
			"journal_entry(reference)", "credit_note(return_number)", "notification(reference)",
			"mail_outbox(reference)", "product(sku)", "product(model)", "webhook_delivery(return_number)");

	private static HikariDataSource data;

	private static JdbcTemplate jdbc;

	@BeforeAll
	static void migrate() {
		data = FreshDatabase.POSTGRESQL.open("schema_indexes");
		FreshDatabase.POSTGRESQL.migrateToLatest(data);
		jdbc = new JdbcTemplate(data);
	}

	@AfterAll
	static void close() {
		data.close();
		FreshDatabase.POSTGRESQL.drop("schema_indexes");
	}

	@Test
	void everyForeignKeyReadByItsParentLeadsAnIndex() {
		List<String> unindexed = jdbc.queryForList("""
				select c.conrelid::regclass || '(' || string_agg(a.attname, ',' order by k.n) || ')'
				from pg_constraint c
				cross join lateral unnest(c.conkey) with ordinality as k(attnum, n)
				join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
				where c.contype = 'f' and not exists (select 1 from pg_index i where i.indrelid = c.conrelid
				    and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey)
				group by c.conrelid, c.conname order by 1""", String.class);
		assertThat(unindexed).containsExactlyInAnyOrderElementsOf(NOT_READ_BY_PARENT);
	}

	@Test
	void everyColumnRowsAreLookedUpByLeadsAnIndex() {
		List<String> leading = jdbc.queryForList("""
				select i.indrelid::regclass || '(' || a.attname || ')'
				from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
				join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = 'public'""", String.class);
		assertThat(LOOKED_UP_BY)
			.allSatisfy((column) -> assertThat(leading).as("an index led by " + column).contains(column));
	}

}
