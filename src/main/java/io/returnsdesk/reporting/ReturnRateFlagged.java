package io.returnsdesk.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A product's or store's return rate went above the threshold and a review of it was
 * opened: published in the transaction that opens it.
 *
 * @param reviewId the review the analysts decide in
 * @param subjectKind {@code PRODUCT} or {@code STORE}
 * @param subjectKey the product's SKU or the store's code
 * @param subjectLabel its name
 * @param from the first day the rate is over
 * @param to the last day
 * @param shipped units shipped (or received from suppliers) in the period
 * @param returned units that came back
 * @param returnRate returned / shipped
 * @param threshold the rate above which a review is opened
 */
public record ReturnRateFlagged(long reviewId, String subjectKind, String subjectKey, String subjectLabel,
		LocalDate from, LocalDate to, long shipped, long returned, BigDecimal returnRate, BigDecimal threshold) {

}
