package io.returnsdesk.reporting.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.returnsdesk.reporting.ReportGrouping;
import io.returnsdesk.reporting.ReportingSettings;
import io.returnsdesk.reporting.ReturnRateFlagged;
import io.returnsdesk.reporting.ReturnRateReport;
import io.returnsdesk.reporting.ReturnRateRow;
import io.returnsdesk.reporting.ReturnRatesReviewed;
import io.returnsdesk.reporting.ReviewAction;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The return-rate review: finds products and stores whose rate over the last days is
 * above the threshold, opens one review for each that has none open
 * ({@link ReturnRateFlagged}), records the analysts' decisions and tells what they
 * decided ({@link ReturnRatesReviewed}).
 */
@Service
public class ReturnRateReviews {

	/** How many days back a review run looks. */
	public static final int DAYS = 30;

	private final ReturnRateReport report;

	private final ReturnRateReviewRepository reviews;

	private final ReportingSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ReturnRateReviews(ReturnRateReport report, ReturnRateReviewRepository reviews, ReportingSettings settings,
			ApplicationEventPublisher events, Clock clock) {
		this.report = report;
		this.reviews = reviews;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Opens a review for each flagged product and store without an open one; their ids.
	 */
	@Transactional
	public List<Long> openReviewsForHighRates() {
		LocalDate to = LocalDate.now(this.clock);
		LocalDate from = to.minusDays(DAYS - 1);
		List<Long> opened = new ArrayList<>();
		open(ReturnRateReview.Subject.PRODUCT, this.report.report(from, to, ReportGrouping.PRODUCT, false, null), from,
				to, opened);
		open(ReturnRateReview.Subject.STORE, this.report.report(from, to, ReportGrouping.STORE, false, null), from, to,
				opened);
		return opened;
	}

	private void open(ReturnRateReview.Subject subject, List<ReturnRateRow> rows, LocalDate from, LocalDate to,
			List<Long> opened) {
		for (ReturnRateRow row : rows) {
			if (row.flagged() && !this.reviews.existsBySubjectKindAndSubjectKeyAndStatus(subject, row.key(),
					ReturnRateReview.Status.OPEN)) {
				ReturnRateReview review = this.reviews.save(new ReturnRateReview(subject, row, from, to,
						this.settings.returnRateThreshold(), this.clock.instant()));
				opened.add(review.getId());
				this.events.publishEvent(new ReturnRateFlagged(review.getId(), subject.name(), row.key(), row.label(),
						from, to, review.getShipped(), review.getReturned(), review.getReturnRate(),
						review.getThreshold()));
			}
		}
	}

	/** A review with its figures. */
	@Transactional(readOnly = true)
	public ReturnRateReview get(Long id) {
		return this.reviews.findById(id).orElseThrow(() -> new IllegalArgumentException("There is no review " + id));
	}

	/** Records the analyst's decision. */
	@Transactional
	public void decide(Long id, String action, String note, String reviewer) {
		ReviewAction chosen;
		try {
			chosen = (action != null) ? ReviewAction.valueOf(action.strip().toUpperCase(Locale.ROOT)) : null;
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("'%s' is not a review action".formatted(action));
		}
		get(id).decide(chosen, note, reviewer, this.clock.instant());
	}

	/** Tells what the analysts decided in a run: {@link ReturnRatesReviewed}. */
	@Transactional
	public void finishRun(List<Long> ids) {
		List<ReturnRatesReviewed.Review> decided = new ArrayList<>();
		for (Long id : ids) {
			ReturnRateReview review = get(id);
			decided.add(new ReturnRatesReviewed.Review(review.getSubjectKind().name(), review.getSubjectKey(),
					review.getSubjectLabel(), review.getReturned(), review.getShipped(), review.getReturnRate(),
					review.getAction(), review.getNote()));
		}
		this.events.publishEvent(new ReturnRatesReviewed(LocalDate.now(this.clock), decided));
	}

}
