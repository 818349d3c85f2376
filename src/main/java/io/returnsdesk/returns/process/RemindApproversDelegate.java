package io.returnsdesk.returns.process;

import io.returnsdesk.returns.internal.ReturnReview;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code Task_RemindApprovers}: an approval waited too long; its approvers are reminded.
 */
@Component
class RemindApproversDelegate implements JavaDelegate {

	private final ReturnReview review;

	RemindApproversDelegate(ReturnReview review) {
		this.review = review;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String number = ProcessVariables.string(execution, ReturnProcess.VAR_RETURN_NUMBER);
		this.review.remindApprovers(number, ProcessVariables.string(execution, ReturnProcess.VAR_APPROVER_GROUP));
	}

}
