package io.returnsdesk.returns.history;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * Free text looked for in the returns' numbers, reasons, orders and parties: one query
 * per column, each served by an index of its own (pg_trgm's trigrams on PostgreSQL, or
 * V14's pairs of characters for text without a trigram), instead of an OR across the
 * joined tables that only a scan of every return answers.
 */
final class FreeText {

	static final String LIKE = " like :text escape '\\'";

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

	/** Whether the database has the indexes of db/vendor/postgresql. */
	private final boolean postgres;

	FreeText(EntityManager entities, boolean postgres) {
		this.entities = entities;
		this.postgres = postgres;
	}

	/**
	 * The ids of returns the free text finds, in no order, no more than the limit. The
	 * branches' ids are joined here, so that a return found in two columns counts once
	 * without any branch reading all of its matches to drop doubles; each stops at the
	 * limit, and the next one is not asked once the limit is reached.
	 */
	List<Long> matchingIds(String text, int limit) {
		Set<Long> ids = new LinkedHashSet<>();
		for (Branch branch : BRANCHES) {
			Query query = this.entities
				.createNativeQuery(branch.select() + match(branch, text) + " fetch first %d rows only".formatted(limit))
				.setParameter("text", HistoryConditions.contains(text));
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
	static String column(String text) {
		return hasTrigram(text) ? "lower(%s)" : "concat(lower(%s), '')";
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

}
