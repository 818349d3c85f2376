package io.returnsdesk.returns;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.returnsdesk.sales.OriginalOrders;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Repository;

/**
 * The history search as one query per page: only the filters asked for become conditions,
 * each an equality, a range or (the free text, on PostgreSQL) a trigram match that an
 * index serves, and the rows are read as summaries, without loading lines.
 */
@Repository
class ReturnHistorySearch {

	private static final Pattern RETURN_NUMBER = Pattern.compile("RT-\\d{8}-\\d{4}", Pattern.CASE_INSENSITIVE);

	private static final String SUMMARY = """
			select new io.returnsdesk.returns.ReturnSummary(r.number, r.type, r.status, o.number, p.code, p.name,
			  o.storeCode, r.requestedBy, r.requestedAt, r.reason, r.reasonDetail, r.resolution, r.totalAmount,
			  r.refundMethod, r.refundAmount)
			from ReturnOrder r join r.order o join o.party p""";

	private final EntityManager entities;

	ReturnHistorySearch(EntityManager entities) {
		this.entities = entities;
	}

	Page<ReturnSummary> page(ReturnSearch search, ZoneId zone, Pageable page) {
		Conditions conditions = Conditions.of(search, zone);
		TypedQuery<ReturnSummary> query = this.entities
			.createQuery(SUMMARY + conditions.where() + orderBy(search.sort()), ReturnSummary.class)
			.setFirstResult((int) page.getOffset())
			.setMaxResults(page.getPageSize());
		conditions.parameters().forEach(query::setParameter);
		return PageableExecutionUtils.getPage(query.getResultList(), page, () -> count(conditions));
	}

	/** The first rows, and whether more match. */
	Slice<ReturnSummary> first(ReturnSearch search, ZoneId zone, int limit) {
		Conditions conditions = Conditions.of(search, zone);
		TypedQuery<ReturnSummary> query = this.entities
			.createQuery(SUMMARY + conditions.where() + orderBy(search.sort()), ReturnSummary.class)
			.setMaxResults(limit + 1);
		conditions.parameters().forEach(query::setParameter);
		List<ReturnSummary> rows = query.getResultList();
		boolean more = rows.size() > limit;
		return new SliceImpl<>(more ? rows.subList(0, limit) : rows, PageRequest.of(0, limit), more);
	}

	private long count(Conditions conditions) {
		// counting joins the order and its party only when a condition reads them
		String from = "select count(r) from ReturnOrder r" + (conditions.readsOrder() ? " join r.order o" : "")
				+ (conditions.readsParty() ? " join o.party p" : "");
		TypedQuery<Long> query = this.entities.createQuery(from + conditions.where(), Long.class);
		conditions.parameters().forEach(query::setParameter);
		return query.getSingleResult();
	}

	/**
	 * Whether the text holds a trigram as pg_trgm finds them: three letters or digits in
	 * a row (a word of two Chinese characters holds none).
	 */
	static boolean hasTrigram(String text) {
		int run = 0;
		for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
			run = Character.isLetterOrDigit(text.codePointAt(i)) ? run + 1 : 0;
			if (run == 3) {
				return true;
			}
		}
		return false;
	}

	private static String orderBy(ReturnSort sort) {
		String property = switch (sort) {
			case REQUESTED_AT_ASC, REQUESTED_AT_DESC -> "r.requestedAt";
			case NUMBER_ASC, NUMBER_DESC -> "r.number";
			case TOTAL_AMOUNT_ASC, TOTAL_AMOUNT_DESC -> "r.totalAmount";
			case STATUS_ASC, STATUS_DESC -> "r.status";
		};
		String direction = sort.parameter().endsWith(",asc") ? "asc" : "desc";
		return " order by %s %s, r.id %s".formatted(property, direction, direction);
	}

	private record Conditions(String where, Map<String, Object> parameters, boolean readsOrder, boolean readsParty) {

		static Conditions of(ReturnSearch search, ZoneId zone) {
			List<String> conditions = new ArrayList<>();
			Map<String, Object> parameters = new LinkedHashMap<>();
			boolean order = false;
			boolean party = false;
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
				// of every return answers; text without three letters or digits in a row
				// has no trigram, and an index would return every row to be checked: it
				// is read without (the concatenation hides the indexed expression)
				String column = hasTrigram(search.text()) ? "lower(%s)" : "concat(lower(%s), '')";
				String like = " like :text escape '\\'";
				conditions.add(("r.id in (select t.id from ReturnOrder t where " + column + like + " or " + column
						+ like + " union select t.id from ReturnOrder t join t.order tor where " + column + like
						+ " union select t.id from ReturnOrder t join t.order tor join tor.party tp where " + column
						+ like + ")")
					.formatted("t.number", "t.reasonDetail", "tor.number", "tp.name"));
				parameters.put("text", contains(search.text()));
			}
			String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
			return new Conditions(where, parameters, order, party);
		}

		private static String contains(String text) {
			return "%" + OriginalOrders.likeEscaped(text.toLowerCase(Locale.ROOT)) + "%";
		}

	}

}
