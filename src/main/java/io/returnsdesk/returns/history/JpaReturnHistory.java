package io.returnsdesk.returns.history;

import java.time.Clock;
import java.util.List;

import io.returnsdesk.catalog.StoreScope;
import io.returnsdesk.returns.ReturnHistory;
import io.returnsdesk.returns.ReturnHistoryPage;
import io.returnsdesk.returns.ReturnSearch;
import io.returnsdesk.returns.ReturnSort;
import io.returnsdesk.returns.ReturnSummary;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
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
import org.springframework.transaction.annotation.Transactional;

/**
 * The history search as one query per page: only the filters asked for become conditions
 * ({@link HistoryConditions}), the free text matched by indexes ({@link FreeText}), and
 * the rows are read as summaries, without loading lines (their units are summed in the
 * same query).
 * <p>
 * Free text alone is counted only up to a cap ({@code returns.search.count-cap}): a word
 * of the reason matches tens of thousands of returns, and counting them all costs far
 * more than showing the first twenty. Few matches are read as the set of their ids and
 * sorted; many are found by walking the sort order's index and testing each return, which
 * meets twenty of them soon.
 */
@Repository
class JpaReturnHistory implements ReturnHistory {

	/**
	 * The rows, still one query per page: a return's units are summed by subqueries that
	 * the lines' unique index (return, line number) answers, and that PostgreSQL runs for
	 * the rows of the page only, after the sort and the limit, not for every match. Units
	 * received are null until the return is processed, and so are units written off,
	 * summed only over lines that were.
	 */
	private static final String SUMMARY = """
			select new io.returnsdesk.returns.ReturnSummary(r.number, r.type, r.status, o.number, p.code, p.name,
			  o.storeCode, r.requestedBy, r.requestedAt, r.settlement.returnedOn, r.reason, r.reasonDetail, r.resolution,
			  (select sum(l.quantity) from ReturnLine l where l.returnOrder = r),
			  (select sum(l.receivedQuantity) from ReturnLine l where l.returnOrder = r),
			  (select sum(l.scrappedQuantity) from ReturnLine l where l.returnOrder = r
			    and l.receivedQuantity is not null),
			  r.totalAmount, r.settlement.refundMethod, r.settlement.refundAmount, r.returnless)
			from ReturnOrder r join r.order o join o.party p""";

	private final EntityManager entities;

	private final FreeText freeText;

	private final int countCap;

	/** Whether the database has the indexes of db/vendor/postgresql. */
	private final boolean postgres;

	private final Clock clock;

	JpaReturnHistory(EntityManager entities, EntityManagerFactory factory, ReturnSearchSettings settings, Clock clock) {
		this.entities = entities;
		this.countCap = settings.countCap();
		this.postgres = factory.unwrap(SessionFactoryImplementor.class)
			.getJdbcServices()
			.getDialect() instanceof PostgreSQLDialect;
		this.freeText = new FreeText(entities, this.postgres);
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public ReturnHistoryPage page(ReturnSearch search, Pageable page) {
		return page(search, StoreScope.everyStore(), page);
	}

	@Override
	@Transactional(readOnly = true)
	public ReturnHistoryPage page(ReturnSearch search, StoreScope scope, Pageable page) {
		// a scope is a condition: free text within stores is never text alone
		HistoryConditions conditions = HistoryConditions.of(search, scope, this.clock.getZone());
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
		List<Long> ids = this.freeText.matchingIds(search.text(), this.countCap + 1);
		if (ids.size() <= this.countCap) {
			// few: every match is known, the page is sorted out of them
			List<ReturnSummary> rows = ids.isEmpty() ? List.of()
					: rows(HistoryConditions.ids(ids), search.sort(), page.getOffset(), page.getPageSize());
			return new ReturnHistoryPage(new PageImpl<>(rows, page, ids.size()), true);
		}
		// many: the sort order's index is walked and each return tested, except for the
		// status, which has no index in the order asked for (status, then id)
		HistoryConditions each = isStatus(search.sort()) ? conditions : HistoryConditions.eachReturn(search.text());
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

	@Override
	@Transactional(readOnly = true)
	public Slice<ReturnSummary> first(ReturnSearch search, int limit) {
		return first(search, StoreScope.everyStore(), limit);
	}

	@Override
	@Transactional(readOnly = true)
	public Slice<ReturnSummary> first(ReturnSearch search, StoreScope scope, int limit) {
		HistoryConditions conditions = HistoryConditions.of(search, scope, this.clock.getZone());
		List<ReturnSummary> rows = rows(conditions, search.sort(), 0, limit + 1);
		boolean more = rows.size() > limit;
		return new SliceImpl<>(more ? rows.subList(0, limit) : rows, PageRequest.of(0, limit), more);
	}

	private List<ReturnSummary> rows(HistoryConditions conditions, ReturnSort sort, long offset, int limit) {
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
			return ids.isEmpty() ? List.of() : summaries(HistoryConditions.ids(ids), sort, 0, limit);
		}
		return summaries(conditions, sort, offset, limit);
	}

	private List<ReturnSummary> summaries(HistoryConditions conditions, ReturnSort sort, long offset, int limit) {
		TypedQuery<ReturnSummary> query = this.entities
			.createQuery(SUMMARY + conditions.where() + orderBy(sort), ReturnSummary.class)
			.setFirstResult((int) offset)
			.setMaxResults(limit);
		conditions.parameters().forEach(query::setParameter);
		return query.getResultList();
	}

	private long count(HistoryConditions conditions) {
		// counting joins the order and its party only when a condition reads them
		// count(*): the rows of an index suffice (count(r) reads each return's id
		// from its row)
		String from = "select count(*) from ReturnOrder r" + (conditions.readsOrder() ? " join r.order o" : "")
				+ (conditions.readsParty() ? " join o.party p" : "");
		TypedQuery<Long> query = this.entities.createQuery(from + conditions.where(), Long.class);
		conditions.parameters().forEach(query::setParameter);
		return query.getSingleResult();
	}

	private static boolean isStatus(ReturnSort sort) {
		return sort == ReturnSort.STATUS_ASC || sort == ReturnSort.STATUS_DESC;
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

}
