package io.returnsdesk.web;

import java.util.List;

import io.returnsdesk.returns.ReturnHistoryPage;
import io.returnsdesk.returns.ReturnSummary;

/**
 * One page of the history search: as {@link PageResponse}, and whether
 * {@code totalElements} counts every match ({@code totalExact}) or is a lower bound, when
 * free text found more returns than the search counts.
 */
record HistoryPageResponse(List<ReturnSummary> content, int page, int size, long totalElements, boolean totalExact) {

	static HistoryPageResponse of(ReturnHistoryPage result) {
		return new HistoryPageResponse(result.page().getContent(), result.page().getNumber(), result.page().getSize(),
				result.page().getTotalElements(), result.totalExact());
	}

}
