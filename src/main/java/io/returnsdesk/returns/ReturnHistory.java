package io.returnsdesk.returns;

import io.returnsdesk.catalog.StoreScope;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;

/**
 * The history of returns, searched and exported; days are the merchant's.
 */
public interface ReturnHistory {

	/**
	 * One page of the returns of every store that match, in the order asked for. Free
	 * text alone is counted up to {@code returns.search.count-cap} matches: beyond, the
	 * total is a lower bound.
	 */
	ReturnHistoryPage page(ReturnSearch search, Pageable page);

	/**
	 * One page as {@link #page(ReturnSearch, Pageable)} of the returns of the stores
	 * only: a store asked for that is not one of them has none; counted in full.
	 */
	ReturnHistoryPage page(ReturnSearch search, StoreScope scope, Pageable page);

	/**
	 * The first {@code limit} returns of every store that match, in the order asked for;
	 * the slice tells whether more match.
	 */
	Slice<ReturnSummary> first(ReturnSearch search, int limit);

	/** The first returns as {@link #first(ReturnSearch, int)}, of the stores only. */
	Slice<ReturnSummary> first(ReturnSearch search, StoreScope scope, int limit);

}
