package io.returnsdesk.returns.process;

import io.returnsdesk.returns.Resolution;
import io.returnsdesk.returns.internal.ReturnPolicyFacts;

import org.springframework.stereotype.Component;

/**
 * The facts of a return that the model's expressions read
 * ({@code ${returnFacts.amount(returnNumber)}}): the process keeps the number, the
 * figures stay in the return's tables.
 */
@Component("returnFacts")
public class ReturnFacts {

	private final ReturnPolicyFacts policy;

	ReturnFacts(ReturnPolicyFacts policy) {
		this.policy = policy;
	}

	public String returnType(String number) {
		return this.policy.of(number).type().name();
	}

	public String reason(String number) {
		return this.policy.of(number).reason().name();
	}

	public Integer daysSinceFulfilment(String number) {
		return Math.toIntExact(this.policy.of(number).daysSinceFulfilment());
	}

	public Double amount(String number) {
		return this.policy.of(number).amount().doubleValue();
	}

	public boolean exchange(String number) {
		return this.policy.of(number).resolution() == Resolution.EXCHANGE;
	}

	/** The customer keeps the goods: the return skips the warehouse. */
	public boolean returnless(String number) {
		return this.policy.returnless(number);
	}

}
