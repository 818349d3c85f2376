package io.returnsdesk.returns.internal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the facts the return policy decides on, for the model's decision and the
 * approver's form.
 */
@Service
public class ReturnPolicyFacts {

	private final ReturnOrders returns;

	ReturnPolicyFacts(ReturnOrders returns) {
		this.returns = returns;
	}

	/** The facts of the return of this number. */
	@Transactional(readOnly = true)
	public PolicyFacts of(String number) {
		return PolicyFacts.of(this.returns.getByNumber(number));
	}

	/** Whether the customer keeps the goods of the return of this number. */
	@Transactional(readOnly = true)
	public boolean returnless(String number) {
		return this.returns.getByNumber(number).isReturnless();
	}

}
