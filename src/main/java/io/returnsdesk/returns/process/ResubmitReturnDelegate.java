package io.returnsdesk.returns.process;

import java.util.List;

import io.returnsdesk.returns.internal.ReturnReview;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code Task_ResubmitReturn}: the requester sends the revised return to approval again.
 */
@Component
class ResubmitReturnDelegate implements JavaDelegate {

	private final ReturnReview review;

	ResubmitReturnDelegate(ReturnReview review) {
		this.review = review;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String number = ProcessVariables.string(execution, ReturnProcess.VAR_RETURN_NUMBER);
		this.review.resubmit(number, ProcessVariables.string(execution, ReturnProcess.VAR_REQUESTED_BY));
		// a fresh approval: Tasklist would otherwise show the earlier decision already
		// filled in
		execution.removeVariables(List.of(ReturnProcess.VAR_APPROVED, ReturnProcess.VAR_REJECTION_REASON));
	}

}
