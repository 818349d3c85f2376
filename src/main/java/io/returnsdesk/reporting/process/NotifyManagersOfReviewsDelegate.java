package io.returnsdesk.reporting.process;

import java.util.List;

import io.returnsdesk.reporting.internal.ReturnRateReviews;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code Task_NotifyManagers}: tells the managers what the analysts decided.
 */
@Component
class NotifyManagersOfReviewsDelegate implements JavaDelegate {

	private final ReturnRateReviews reviews;

	NotifyManagersOfReviewsDelegate(ReturnRateReviews reviews) {
		this.reviews = reviews;
	}

	@Override
	public void execute(DelegateExecution execution) {
		List<?> ids = (List<?>) execution.getVariable(ReturnRateReviewProcess.VAR_REVIEW_IDS);
		this.reviews.finishRun(ids.stream().map((id) -> ((Number) id).longValue()).toList());
	}

}
