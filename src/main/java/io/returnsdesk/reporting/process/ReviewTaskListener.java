package io.returnsdesk.reporting.process;

import java.util.LinkedHashMap;
import java.util.Map;

import io.returnsdesk.engine.EngineUsers;
import io.returnsdesk.reporting.internal.ReturnRateReview;
import io.returnsdesk.reporting.internal.ReturnRateReviews;
import io.returnsdesk.system.FormText;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

/**
 * On creation, gives the review form its figures as task-local variables; on completion,
 * keeps who decided.
 */
@Component
class ReviewTaskListener implements TaskListener {

	private final ReturnRateReviews reviews;

	ReviewTaskListener(ReturnRateReviews reviews) {
		this.reviews = reviews;
	}

	@Override
	public void notify(DelegateTask task) {
		if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
			String user = EngineUsers.current(task.getProcessEngineServices());
			String reviewer = (user != null) ? user : task.getAssignee();
			task.getExecution()
				.setVariable(ReturnRateReviewProcess.VAR_REVIEWER_ID, (reviewer != null) ? reviewer : "unknown");
			return;
		}
		ReturnRateReview review = this.reviews
			.get(((Number) task.getVariable(ReturnRateReviewProcess.VAR_REVIEW_ID)).longValue());
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("subjectLabel",
				(review.getSubjectKind() == ReturnRateReview.Subject.PRODUCT ? "Product 商品 " : "Store 门店 ")
						+ FormText.escape(review.getSubjectKey() + " · " + review.getSubjectLabel()));
		figures.put("periodLabel", review.getPeriodFrom() + " – " + review.getPeriodTo());
		figures.put("shippedQuantity", review.getShipped());
		figures.put("returnedQuantity", review.getReturned());
		figures.put("returnRateText", "%.2f %%".formatted(review.getReturnRate().doubleValue() * 100));
		figures.put("thresholdText", "%.2f %%".formatted(review.getThreshold().doubleValue() * 100));
		task.setVariablesLocal(figures);
		task.setName("Review return rate " + review.getSubjectKey() + " 复核退货率");
	}

}
