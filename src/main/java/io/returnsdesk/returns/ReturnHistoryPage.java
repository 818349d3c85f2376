package io.returnsdesk.returns;

import org.springframework.data.domain.Page;

/**
 * One page of the history search, and whether its total is exact.
 *
 * @param page the rows; its total counts every match when {@code totalExact}, otherwise
 * it is a lower bound: the count cap, or more once the pages read went beyond it (a next
 * page exists exactly when {@code page.hasNext()})
 * @param totalExact whether every match was counted
 */
public record ReturnHistoryPage(Page<ReturnSummary> page, boolean totalExact) {

}
