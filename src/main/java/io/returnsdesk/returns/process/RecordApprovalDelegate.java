package io.returnsdesk.returns.process;

import io.returnsdesk.returns.internal.ReturnReview;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordApproval}: the return is approved; requester and warehouse are told.
 */
@Component
class RecordApprovalDelegate implements JavaDelegate {

	private final ReturnReview review;

	RecordApprovalDelegate(ReturnReview review) {
		this.review = review;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String number = ProcessVariables.string(execution, ReturnProcess.VAR_RETURN_NUMBER);
		this.review.approve(number, ProcessVariables.string(execution, ReturnProcess.VAR_APPROVER_ID));
	}

}
