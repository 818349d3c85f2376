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
 * On creation, names the review after its product or store and rate and gives the review
 * form its figures as task-local variables; on completion, keeps who decided.
 */
@Component
class ReviewTaskListener implements TaskListener {

	/** What Tasklist's card shows of the review: the product or store, as typed. */
	static final String VAR_SUBJECT = "subject";

	/** What Tasklist's card shows of the review: the return rate. */
	static final String VAR_RETURN_RATE_TEXT = "returnRateText";

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
		String kind = (review.getSubjectKind() == ReturnRateReview.Subject.PRODUCT) ? "Product 商品 " : "Store 门店 ";
		String subject = review.getSubjectKey() + " · " + review.getSubjectLabel();
		String rate = "%.2f %%".formatted(review.getReturnRate().doubleValue() * 100);
		Map<String, Object> figures = new LinkedHashMap<>();
		// the form reads Markdown; Tasklist's card and the task's name are plain text
		figures.put("subjectLabel", kind + FormText.escape(subject));
		figures.put(VAR_SUBJECT, kind + subject);
		figures.put("periodLabel", review.getPeriodFrom() + " – " + review.getPeriodTo());
		figures.put("shippedQuantity", review.getShipped());
		figures.put("returnedQuantity", review.getReturned());
		figures.put(VAR_RETURN_RATE_TEXT, rate);
		figures.put("thresholdText", "%.2f %%".formatted(review.getThreshold().doubleValue() * 100));
		task.setVariablesLocal(figures);
		String name = String.join(" · ", task.getBpmnModelElementInstance().getName(), kind + subject, rate);
		task.setName((name.length() <= 255) ? name : name.substring(0, 254) + "…");
	}

}
