package io.returnsdesk.returns.history;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.returnsdesk.catalog.StoreScope;
import io.returnsdesk.returns.ReturnSearch;
import io.returnsdesk.sales.OriginalOrders;

import static io.returnsdesk.returns.history.FreeText.LIKE;

/**
 * The conditions of a history search in JPQL over {@code ReturnOrder r} (its order
 * {@code o}, the order's party {@code p}), with their parameters: only the filters asked
 * for become conditions, each an equality, a range or the free text.
 *
 * @param where the where clause, or empty
 * @param parameters its parameters by name
 * @param readsOrder whether a condition reads the order
 * @param readsParty whether a condition reads the party
 * @param textAlone whether free text (not a whole return number) is the only filter
 */
record HistoryConditions(String where, Map<String, Object> parameters, boolean readsOrder, boolean readsParty,
		boolean textAlone) {

	private static final Pattern RETURN_NUMBER = Pattern.compile("RT-\\d{8}-\\d{4}", Pattern.CASE_INSENSITIVE);

	static HistoryConditions of(ReturnSearch search, StoreScope scope, ZoneId zone) {
		List<String> conditions = new ArrayList<>();
		Map<String, Object> parameters = new LinkedHashMap<>();
		boolean order = false;
		boolean party = false;
		if (!scope.isEveryStore()) {
			// beside a store asked for: another store's gives no rows
			conditions.add("o.storeCode in :scopeStores");
			parameters.put("scopeStores", scope.stores());
			order = true;
		}
		if (search.status() != null) {
			conditions.add("r.status = :status");
			parameters.put("status", search.status());
		}
		if (search.type() != null) {
			conditions.add("r.type = :type");
			parameters.put("type", search.type());
		}
		if (search.from() != null) {
			conditions.add("r.requestedAt >= :fromInstant");
			parameters.put("fromInstant", search.from().atStartOfDay(zone).toInstant());
		}
		if (search.to() != null) {
			conditions.add("r.requestedAt < :untilInstant");
			parameters.put("untilInstant", search.to().plusDays(1).atStartOfDay(zone).toInstant());
		}
		if (search.storeCode() != null) {
			conditions.add("o.storeCode = :storeCode");
			parameters.put("storeCode", search.storeCode());
			order = true;
		}
		if (search.party() != null) {
			// the code is an indexed equality; the name part only scans the parties
			conditions.add("(p.code in :partyCodes or lower(p.name) like :partyName escape '\\')");
			parameters.put("partyCodes", List.of(search.party(), search.party().toUpperCase(Locale.ROOT)));
			parameters.put("partyName", contains(search.party()));
			order = true;
			party = true;
		}
		if (search.sku() != null) {
			conditions.add("exists (select 1 from ReturnLine l where l.returnOrder = r"
					+ " and l.orderLine.product.sku = :sku)");
			parameters.put("sku", search.sku());
		}
		if (search.text() != null && RETURN_NUMBER.matcher(search.text()).matches()) {
			// a whole return number is the usual look-up: answered by the unique
			// index
			conditions.add("r.number = :number");
			parameters.put("number", search.text().toUpperCase(Locale.ROOT));
		}
		else if (search.text() != null) {
			// one set of ids per table, each found by an index of its own (pg_trgm on
			// PostgreSQL), instead of an OR across the joined tables that only a scan
			// of every return answers
			String column = FreeText.column(search.text());
			conditions.add(("r.id in (select t.id from ReturnOrder t where " + column + LIKE + " or " + column + LIKE
					+ " union select t.id from ReturnOrder t join t.order tor where " + column + LIKE
					+ " union select t.id from ReturnOrder t join t.order tor join tor.party tp where " + column + LIKE
					+ ")")
				.formatted("t.number", "t.reasonDetail", "tor.number", "tp.name"));
			parameters.put("text", contains(search.text()));
		}
		String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
		boolean textAlone = conditions.size() == 1 && parameters.containsKey("text");
		return new HistoryConditions(where, parameters, order, party, textAlone);
	}

	/** The returns of these ids. */
	static HistoryConditions ids(List<Long> ids) {
		return new HistoryConditions(" where r.id in :ids", Map.of("ids", ids), false, false, false);
	}

	/**
	 * The free text as a test of each return, for walking the returns in the order asked
	 * for.
	 */
	static HistoryConditions eachReturn(String text) {
		String where = " where (lower(r.number)" + LIKE + " or lower(r.reasonDetail)" + LIKE + " or lower(o.number)"
				+ LIKE + " or lower(p.name)" + LIKE + ")";
		return new HistoryConditions(where, Map.of("text", contains(text)), true, true, true);
	}

	static String contains(String text) {
		return "%" + OriginalOrders.likeEscaped(text.toLowerCase(Locale.ROOT)) + "%";
	}

}
