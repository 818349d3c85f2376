package io.returnsdesk.reporting.process;

/**
 * The contract of the {@code returnRateReview} process, shared by the model, the
 * delegates and the tests.
 */
public final class ReturnRateReviewProcess {

	public static final String PROCESS_KEY = "returnRateReview";

	public static final String TASK_REVIEW = "reviewReturnRate";

	public static final String START_DAILY = "StartEvent_DailyReview";

	public static final String END_NOTHING_TO_REVIEW = "EndEvent_NothingToReview";

	public static final String END_REVIEWED = "EndEvent_ReturnRatesReviewed";

	public static final String VAR_REVIEW_IDS = "reviewIds";

	public static final String VAR_REVIEW_ID = "reviewId";

	public static final String VAR_ACTION = "action";

	public static final String VAR_NOTE = "note";

	public static final String VAR_REVIEWER_ID = "reviewerId";

	private ReturnRateReviewProcess() {
	}

}
