package io.returnsdesk.support;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads stock, ledger, postings and notifications straight from the tables, to check what
 * a user would see without going through the code under test.
 */
@Component
public class Ledgers {

	private final JdbcTemplate jdbc;

	Ledgers(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public int onHand(String sku, String warehouse) {
		List<Integer> levels = this.jdbc.queryForList("""
				select s.on_hand from stock_level s join product p on p.id = s.product_id
				where p.sku = ? and s.warehouse_code = ?""", Integer.class, sku, warehouse);
		return levels.isEmpty() ? 0 : levels.get(0);
	}

	/** Movements of a return: "KIND sku warehouse quantity", in posting order. */
	public List<String> movements(String reference) {
		return this.jdbc.queryForList("""
				select m.kind || ' ' || p.sku || ' ' || m.warehouse_code || ' ' || m.quantity
				from stock_movement m join product p on p.id = m.product_id
				where m.reference = ? order by m.id""", String.class, reference);
	}

	/**
	 * Journal lines of a document, entry after entry: "account debit credit".
	 */
	public List<String> postings(String reference) {
		return this.jdbc.queryForList("""
				select l.account || ' ' || l.debit || ' ' || l.credit
				from journal_line l join journal_entry e on e.id = l.entry_id
				where e.reference = ? order by e.number, l.line_no""", String.class, reference);
	}

	public Map<String, Object> postingTotals(String reference) {
		return this.jdbc.queryForMap("""
				select coalesce(sum(l.debit), 0) as debits, coalesce(sum(l.credit), 0) as credits
				from journal_line l join journal_entry e on e.id = l.entry_id where e.reference = ?""", reference);
	}

	/** The entries of a document: "event number". */
	public List<String> entries(String reference) {
		return this.jdbc.queryForList("""
				select event_key || ' ' || number from journal_entry where reference = ? order by number""",
				String.class, reference);
	}

	/** The note of a return: "number net tax gross", or none. */
	public List<String> note(String returnNumber) {
		return this.jdbc.queryForList("""
				select number || ' ' || net || ' ' || tax || ' ' || gross from credit_note where return_number = ?""",
				String.class, returnNumber);
	}

	/**
	 * What returns moved in stock at cost less what was posted to 1405: zero when the
	 * books agree with the stock ledger.
	 */
	public BigDecimal inventoryDifference() {
		return this.jdbc.queryForObject("""
				select (select coalesce(sum(moved_value), 0) from stock_movement
				        where kind in ('CUSTOMER_RETURN', 'SCRAP', 'SUPPLIER_RETURN', 'REPLACEMENT_SHIPMENT',
				                       'REPLACEMENT_RECEIPT'))
				     - (select coalesce(sum(debit - credit), 0) from journal_line where account = '1405')""",
				BigDecimal.class);
	}

	/** Products whose value on hand is not the sum of their movements' values: none. */
	public List<Map<String, Object>> valuationsNotEqualToMovements() {
		return this.jdbc.queryForList("""
				select v.product_id, v.quantity, v.total_value, sum(m.quantity) as moved, sum(m.moved_value) as value
				from stock_valuation v join stock_movement m on m.product_id = v.product_id
				group by v.product_id, v.quantity, v.total_value
				having v.quantity <> sum(m.quantity) or v.total_value <> sum(m.moved_value)""");
	}

	/** Notifications about a document: "KIND recipient". */
	public List<String> notifications(String reference) {
		return this.jdbc.queryForList("""
				select kind || ' ' || coalesce(recipient_user, 'group:' || recipient_group)
				from notification where reference = ? order by id""", String.class, reference);
	}

	/**
	 * E-mails of the outbox about a document: "KIND address language STATUS", in the
	 * order they were queued.
	 */
	public List<String> mails(String reference) {
		return this.jdbc.queryForList("""
				select n.kind || ' ' || m.to_address || ' ' || m.language || ' ' || m.status
				from mail_outbox m join notification n on n.id = m.notification_id
				where m.reference = ? order by m.id""", String.class, reference);
	}

	public String status(String returnNumber) {
		return this.jdbc.queryForObject("select status from return_order where number = ?", String.class, returnNumber);
	}

	public int count(String table) {
		return this.jdbc.queryForObject("select count(*) from " + table, Integer.class);
	}

	/** Stock levels that differ from the sum of their movements: should be none. */
	public List<Map<String, Object>> levelsNotEqualToMovements() {
		return this.jdbc.queryForList("""
				select s.product_id, s.warehouse_code, s.on_hand, coalesce(sum(m.quantity), 0) as moved
				from stock_level s left join stock_movement m
				  on m.product_id = s.product_id and m.warehouse_code = s.warehouse_code
				group by s.product_id, s.warehouse_code, s.on_hand
				having s.on_hand <> coalesce(sum(m.quantity), 0)""");
	}

	/**
	 * Returns whose kept total is not the value of the units their lines hold (asked for,
	 * or received once processed; asked for by a returnless refund): should be none.
	 */
	public List<Map<String, Object>> returnTotalsNotEqualToTheirLines() {
		String held = "case when r.returnless = true then l.quantity else coalesce(l.received_quantity, l.quantity) end";
		return this.jdbc.queryForList("""
				select r.number, r.total_amount, coalesce(sum(%1$s * l.unit_price), 0) as lines_total
				from return_order r left join return_line l on l.return_id = r.id
				group by r.id, r.number, r.total_amount
				having r.total_amount <> coalesce(sum(%1$s * l.unit_price), 0)""".formatted(held));
	}

	/** Journal entries that do not balance: should be none. */
	public List<Map<String, Object>> unbalancedEntries() {
		return this.jdbc.queryForList("""
				select e.number, sum(l.debit) as debits, sum(l.credit) as credits
				from journal_entry e join journal_line l on l.entry_id = e.id
				group by e.number having sum(l.debit) <> sum(l.credit)""");
	}

	public static BigDecimal decimal(Object value) {
		return new BigDecimal(value.toString());
	}

}
