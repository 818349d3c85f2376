package io.returnsdesk.reporting.process;

import io.returnsdesk.reporting.internal.ReturnRateReviews;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordReviewOutcome}: keeps the analyst's action and note with the review.
 */
@Component
class RecordReviewOutcomeDelegate implements JavaDelegate {

	private final ReturnRateReviews reviews;

	RecordReviewOutcomeDelegate(ReturnRateReviews reviews) {
		this.reviews = reviews;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.reviews.decide(((Number) execution.getVariable(ReturnRateReviewProcess.VAR_REVIEW_ID)).longValue(),
				(String) execution.getVariable(ReturnRateReviewProcess.VAR_ACTION),
				(String) execution.getVariable(ReturnRateReviewProcess.VAR_NOTE),
				(String) execution.getVariable(ReturnRateReviewProcess.VAR_REVIEWER_ID));
	}

}
