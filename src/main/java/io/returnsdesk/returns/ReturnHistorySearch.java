package io.returnsdesk.returns;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.returnsdesk.sales.OriginalOrders;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Repository;

/**
 * The history search as one query per page: only the filters asked for become conditions,
 * each an equality, a range or (the free text, on PostgreSQL) a trigram match that an
 * index serves, and the rows are read as summaries, without loading lines (their units
 * are summed in the same query).
 * <p>
 * Free text alone is counted only up to a cap ({@code returns.search.count-cap}): a word
 * of the reason matches tens of thousands of returns, and counting them all costs far
 * more than showing the first twenty. Few matches are read as the set of their ids and
 * sorted; many are found by walking the sort order's index and testing each return, which
 * meets twenty of them soon.
 */
@Repository
class ReturnHistorySearch {

	private static final Pattern RETURN_NUMBER = Pattern.compile("RT-\\d{8}-\\d{4}", Pattern.CASE_INSENSITIVE);

	/**
	 * The rows, still one query per page: a return's units are summed by subqueries that
	 * the lines' unique index (return, line number) answers, and that PostgreSQL runs for
	 * the rows of the page only, after the sort and the limit, not for every match. Units
	 * received are null until the return is processed, and so are units written off,
	 * summed only over lines that were.
	 */
	private static final String SUMMARY = """
			select new io.returnsdesk.returns.ReturnSummary(r.number, r.type, r.status, o.number, p.code, p.name,
			  o.storeCode, r.requestedBy, r.requestedAt, r.returnedOn, r.reason, r.reasonDetail, r.resolution,
			  (select sum(l.quantity) from ReturnLine l where l.returnOrder = r),
			  (select sum(l.receivedQuantity) from ReturnLine l where l.returnOrder = r),
			  (select sum(l.scrappedQuantity) from ReturnLine l where l.returnOrder = r
			    and l.receivedQuantity is not null),
			  r.totalAmount, r.refundMethod, r.refundAmount)
			from ReturnOrder r join r.order o join o.party p""";

	private static final String LIKE = " like :text escape '\\'";

	/**
	 * Where free text is looked for, one column at a time: each branch is one query that
	 * an index of that column serves. The party's name comes first: a short text most
	 * often names a party, and its returns are found through indexes alone.
	 */
	private static final List<Branch> BRANCHES = List.of(
			new Branch("select r.id from party p join trade_order o on o.party_id = p.id"
					+ " join return_order r on r.order_id = o.id where ", "p.name", true),
			new Branch("select r.id from return_order r where ", "r.reason_detail", true),
			new Branch("select r.id from return_order r where ", "r.number", false),
			new Branch("select r.id from trade_order o join return_order r on r.order_id = o.id where ", "o.number",
					false));

	private final EntityManager entities;

	private final int countCap;

	/** Whether the database has the indexes of db/vendor/postgresql. */
	private final boolean postgres;

	ReturnHistorySearch(EntityManager entities, EntityManagerFactory factory, ReturnSearchSettings settings) {
		this.entities = entities;
		this.countCap = settings.countCap();
		this.postgres = factory.unwrap(SessionFactoryImplementor.class)
			.getJdbcServices()
			.getDialect() instanceof PostgreSQLDialect;
	}

	ReturnHistoryPage page(ReturnSearch search, ZoneId zone, Pageable page) {
		Conditions conditions = Conditions.of(search, zone);
		if (!conditions.textAlone()) {
			List<ReturnSummary> rows = rows(conditions, search.sort(), page.getOffset(), page.getPageSize());
			return new ReturnHistoryPage(PageableExecutionUtils.getPage(rows, page, () -> count(conditions)), true);
		}
		if (this.postgres) {
			// short statements: starting parallel workers costs more than they save,
			// and a worker would scan on after the limit is reached
			this.entities.createNativeQuery("select set_config('max_parallel_workers_per_gather', '0', true)")
				.getSingleResult();
		}
		List<Long> ids = matchingIds(search.text(), this.countCap + 1);
		if (ids.size() <= this.countCap) {
			// few: every match is known, the page is sorted out of them
			List<ReturnSummary> rows = ids.isEmpty() ? List.of()
					: rows(Conditions.ids(ids), search.sort(), page.getOffset(), page.getPageSize());
			return new ReturnHistoryPage(new PageImpl<>(rows, page, ids.size()), true);
		}
		// many: the sort order's index is walked and each return tested, except for the
		// status, which has no index in the order asked for (status, then id)
		Conditions each = isStatus(search.sort()) ? conditions : Conditions.eachReturn(search.text());
		List<ReturnSummary> rows = rows(each, search.sort(), page.getOffset(), page.getPageSize() + 1);
		boolean more = rows.size() > page.getPageSize();
		List<ReturnSummary> content = more ? rows.subList(0, page.getPageSize()) : rows;
		long seen = page.getOffset() + content.size();
		if (!more && !content.isEmpty()) {
			// the last page: every match has been passed, so their number is known
			return new ReturnHistoryPage(new PageImpl<>(content, page, seen), true);
		}
		// more than the cap, and more than the rows up to here while more follow
		long atLeast = content.isEmpty() ? this.countCap : Math.max(this.countCap, seen + 1);
		return new ReturnHistoryPage(new PageImpl<>(content, page, atLeast), false);
	}

	/** The first rows, and whether more match. */
	Slice<ReturnSummary> first(ReturnSearch search, ZoneId zone, int limit) {
		Conditions conditions = Conditions.of(search, zone);
		List<ReturnSummary> rows = rows(conditions, search.sort(), 0, limit + 1);
		boolean more = rows.size() > limit;
		return new SliceImpl<>(more ? rows.subList(0, limit) : rows, PageRequest.of(0, limit), more);
	}

	private List<ReturnSummary> rows(Conditions conditions, ReturnSort sort, long offset, int limit) {
		if (!conditions.readsOrder()) {
			// the page's returns first, from the returns alone; then only they are
			// joined to their orders and parties, not every match before the sort (a
			// SKU's 500–750 returns, a date range's thousands)
			TypedQuery<Long> page = this.entities
				.createQuery("select r.id from ReturnOrder r" + conditions.where() + orderBy(sort), Long.class)
				.setFirstResult((int) offset)
				.setMaxResults(limit);
			conditions.parameters().forEach(page::setParameter);
			List<Long> ids = page.getResultList();
			return ids.isEmpty() ? List.of() : summaries(Conditions.ids(ids), sort, 0, limit);
		}
		return summaries(conditions, sort, offset, limit);
	}

	private List<ReturnSummary> summaries(Conditions conditions, ReturnSort sort, long offset, int limit) {
		TypedQuery<ReturnSummary> query = this.entities
			.createQuery(SUMMARY + conditions.where() + orderBy(sort), ReturnSummary.class)
			.setFirstResult((int) offset)
			.setMaxResults(limit);
		conditions.parameters().forEach(query::setParameter);
		return query.getResultList();
	}

	private long count(Conditions conditions) {
		// counting joins the order and its party only when a condition reads them
		// count(*): the rows of an index suffice (count(r) reads each return's id
		// from its row)
		String from = "select count(*) from ReturnOrder r" + (conditions.readsOrder() ? " join r.order o" : "")
				+ (conditions.readsParty() ? " join o.party p" : "");
		TypedQuery<Long> query = this.entities.createQuery(from + conditions.where(), Long.class);
		conditions.parameters().forEach(query::setParameter);
		return query.getSingleResult();
	}

	/**
	 * The ids of returns the free text finds, in no order, no more than the limit. The
	 * branches' ids are joined here, so that a return found in two columns counts once
	 * without any branch reading all of its matches to drop doubles; each stops at the
	 * limit, and the next one is not asked once the limit is reached.
	 */
	private List<Long> matchingIds(String text, int limit) {
		Set<Long> ids = new LinkedHashSet<>();
		for (Branch branch : BRANCHES) {
			Query query = this.entities
				.createNativeQuery(branch.select() + match(branch, text) + " fetch first %d rows only".formatted(limit))
				.setParameter("text", Conditions.contains(text));
			if (usesBigrams(branch, text)) {
				query.setParameter("lowered", text.toLowerCase(Locale.ROOT));
			}
			for (Object id : query.getResultList()) {
				ids.add(((Number) id).longValue());
			}
			if (ids.size() >= limit) {
				break;
			}
		}
		return List.copyOf(ids);
	}

	/**
	 * The condition of a branch. Text with a trigram is found by the trigram index
	 * (pg_trgm on PostgreSQL). Text without three letters or digits in a row has none,
	 * and that index would return every row to be checked: the concatenation hides the
	 * indexed expression. On PostgreSQL, such text of two characters or more is found in
	 * names and reasons by their pairs of characters (V14's bigram indexes); a number
	 * holds the text only if it holds a character beyond ASCII where the text does, and
	 * V14 indexes the few numbers that do.
	 */
	private String match(Branch branch, String text) {
		String column = branch.column();
		String scan = column(text).formatted(column) + LIKE;
		if (hasTrigram(text)) {
			return scan;
		}
		if (usesBigrams(branch, text)) {
			return "returns_bigrams(lower(" + column + ")) @> returns_bigrams(:lowered) and " + scan;
		}
		if (this.postgres && !branch.prose() && !text.chars().allMatch((c) -> c < 0x80)) {
			return "octet_length(" + column + ") <> length(" + column + ") and " + scan;
		}
		return scan;
	}

	private boolean usesBigrams(Branch branch, String text) {
		return this.postgres && branch.prose() && !hasTrigram(text) && text.codePointCount(0, text.length()) >= 2;
	}

	/**
	 * The column of an id-set condition: text without a trigram is matched without the
	 * trigram index, which would return every row to be checked (the concatenation hides
	 * the indexed expression).
	 */
	private static String column(String text) {
		return hasTrigram(text) ? "lower(%s)" : "concat(lower(%s), '')";
	}

	private static boolean isStatus(ReturnSort sort) {
		return sort == ReturnSort.STATUS_ASC || sort == ReturnSort.STATUS_DESC;
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

	/**
	 * One column free text is looked for in, and how its returns are selected.
	 *
	 * @param prose a name or a reason, rather than a number
	 */
	private record Branch(String select, String column, boolean prose) {

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

	/**
	 * @param textAlone whether free text (not a whole return number) is the only filter
	 */
	private record Conditions(String where, Map<String, Object> parameters, boolean readsOrder, boolean readsParty,
			boolean textAlone) {

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
				// of every return answers
				String column = column(search.text());
				conditions.add(("r.id in (select t.id from ReturnOrder t where " + column + LIKE + " or " + column
						+ LIKE + " union select t.id from ReturnOrder t join t.order tor where " + column + LIKE
						+ " union select t.id from ReturnOrder t join t.order tor join tor.party tp where " + column
						+ LIKE + ")")
					.formatted("t.number", "t.reasonDetail", "tor.number", "tp.name"));
				parameters.put("text", contains(search.text()));
			}
			String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
			boolean textAlone = conditions.size() == 1 && parameters.containsKey("text");
			return new Conditions(where, parameters, order, party, textAlone);
		}

		/** The returns of these ids. */
		static Conditions ids(List<Long> ids) {
			return new Conditions(" where r.id in :ids", Map.of("ids", ids), false, false, false);
		}

		/**
		 * The free text as a test of each return, for walking the returns in the order
		 * asked for.
		 */
		static Conditions eachReturn(String text) {
			String where = " where (lower(r.number)" + LIKE + " or lower(r.reasonDetail)" + LIKE + " or lower(o.number)"
					+ LIKE + " or lower(p.name)" + LIKE + ")";
			return new Conditions(where, Map.of("text", contains(text)), true, true, true);
		}

		private static String contains(String text) {
			return "%" + OriginalOrders.likeEscaped(text.toLowerCase(Locale.ROOT)) + "%";
		}

	}

}
