package io.returnsdesk.returns.process;

import io.returnsdesk.returns.internal.ReturnReview;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordRejection}: the return is rejected with the approver's reason; the
 * requester is told.
 */
@Component
class RecordRejectionDelegate implements JavaDelegate {

	private final ReturnReview review;

	RecordRejectionDelegate(ReturnReview review) {
		this.review = review;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String number = ProcessVariables.string(execution, ReturnProcess.VAR_RETURN_NUMBER);
		this.review.reject(number, ProcessVariables.string(execution, ReturnProcess.VAR_APPROVER_ID),
				ProcessVariables.string(execution, ReturnProcess.VAR_REJECTION_REASON));
	}

}
