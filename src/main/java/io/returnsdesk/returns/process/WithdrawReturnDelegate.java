package io.returnsdesk.returns.process;

import io.returnsdesk.returns.internal.ReturnReview;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code Task_WithdrawReturn}: the requester gives the rejected return up.
 */
@Component
class WithdrawReturnDelegate implements JavaDelegate {

	private final ReturnReview review;

	WithdrawReturnDelegate(ReturnReview review) {
		this.review = review;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String number = ProcessVariables.string(execution, ReturnProcess.VAR_RETURN_NUMBER);
		this.review.withdraw(number, ProcessVariables.string(execution, ReturnProcess.VAR_REQUESTED_BY));
	}

}
