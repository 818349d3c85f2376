package io.returnsdesk.returns;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;

/**
 * The history of returns, searched and exported; days are the merchant's.
 */
public interface ReturnHistory {

	/**
	 * One page of the returns that match, in the order asked for. Free text alone is
	 * counted up to {@code returns.search.count-cap} matches: beyond, the total is a
	 * lower bound.
	 */
	ReturnHistoryPage page(ReturnSearch search, Pageable page);

	/**
	 * The first {@code limit} returns that match, in the order asked for; the slice tells
	 * whether more match.
	 */
	Slice<ReturnSummary> first(ReturnSearch search, int limit);

}
