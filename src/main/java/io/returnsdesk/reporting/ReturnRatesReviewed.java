package io.returnsdesk.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The analysts decided on every review a run opened: published in the transaction of the
 * run's last step.
 *
 * @param day the day of the run, in the merchant's calendar
 * @param reviews what was decided, one per product or store
 */
public record ReturnRatesReviewed(LocalDate day, List<Review> reviews) {

	/**
	 * One decision.
	 *
	 * @param subjectKind {@code PRODUCT} or {@code STORE}
	 * @param subjectKey the product's SKU or the store's code
	 * @param subjectLabel its name
	 * @param returned units that came back in the period
	 * @param shipped units shipped in the period
	 * @param returnRate returned / shipped
	 * @param action what the analyst decided, or null when the review was not decided
	 * @param note the analyst's note
	 */
	public record Review(String subjectKind, String subjectKey, String subjectLabel, long returned, long shipped,
			BigDecimal returnRate, ReviewAction action, String note) {

	}

}
