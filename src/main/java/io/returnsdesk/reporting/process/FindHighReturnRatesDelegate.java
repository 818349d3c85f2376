package io.returnsdesk.reporting.process;

import java.util.ArrayList;

import io.returnsdesk.reporting.internal.ReturnRateReviews;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;

import org.springframework.stereotype.Component;

/**
 * {@code Task_FindHighReturnRates}: opens a review per product or store above the
 * threshold that has none open, and keeps their ids for the review tasks.
 */
@Component
class FindHighReturnRatesDelegate implements JavaDelegate {

	private final ReturnRateReviews reviews;

	FindHighReturnRatesDelegate(ReturnRateReviews reviews) {
		this.reviews = reviews;
	}

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariable(ReturnRateReviewProcess.VAR_REVIEW_IDS,
				Variables.objectValue(new ArrayList<>(this.reviews.openReviewsForHighRates()))
					.serializationDataFormat(Variables.SerializationDataFormats.JSON)
					.create());
	}

}
