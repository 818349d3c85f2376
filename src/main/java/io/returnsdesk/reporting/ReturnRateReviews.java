package io.returnsdesk.reporting;

import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.returnsdesk.notification.NotificationKind;
import io.returnsdesk.notification.Notifier;
import io.returnsdesk.notification.Recipient;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The return-rate review: finds products and stores whose rate over the last days is
 * above the threshold, opens one review for each that has none open, records the
 * analysts' decisions and tells the managers.
 */
@Service
public class ReturnRateReviews {

	/** How many days back a review run looks. */
	public static final int DAYS = 30;

	private final ReturnRateReport report;

	private final ReturnRateReviewRepository reviews;

	private final ReportingSettings settings;

	private final Notifier notifier;

	private final Clock clock;

	ReturnRateReviews(ReturnRateReport report, ReturnRateReviewRepository reviews, ReportingSettings settings,
			Notifier notifier, Clock clock) {
		this.report = report;
		this.reviews = reviews;
		this.settings = settings;
		this.notifier = notifier;
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
				opened.add(
						this.reviews
							.save(new ReturnRateReview(subject, row, from, to, this.settings.returnRateThreshold(),
									this.clock.instant()))
							.getId());
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

	/** Tells the managers what the analysts decided in a run. */
	@Transactional
	public void notifyManagers(List<Long> ids) {
		List<Map<String, Object>> reviews = new ArrayList<>();
		for (Long id : ids) {
			ReturnRateReview review = get(id);
			reviews.add(Notifier.facts("kind", review.getSubjectKind().name(), "key", review.getSubjectKey(), "label",
					review.getSubjectLabel(), "returned", review.getReturned(), "shipped", review.getShipped(), "rate",
					review.getReturnRate().movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString(),
					"action", (review.getAction() != null) ? review.getAction().name() : null, "note",
					review.getNote()));
		}
		this.notifier.notify(List.of(Recipient.group("managers")), NotificationKind.RETURN_RATE_REVIEWED,
				"REVIEW-" + LocalDate.now(this.clock), Notifier.facts("reviews", reviews));
	}

}
