package io.returnsdesk.returns.process;

import io.returnsdesk.returns.Resolution;
import io.returnsdesk.returns.ReturnQueries;

import org.springframework.stereotype.Component;

/**
 * The facts of a return that the model's expressions read
 * ({@code ${returnFacts.amount(returnNumber)}}): the process keeps the number, the
 * figures stay in the return's tables.
 */
@Component("returnFacts")
public class ReturnFacts {

	private final ReturnQueries queries;

	ReturnFacts(ReturnQueries queries) {
		this.queries = queries;
	}

	public String returnType(String number) {
		return this.queries.policyFacts(number).type().name();
	}

	public String reason(String number) {
		return this.queries.policyFacts(number).reason().name();
	}

	public Integer daysSinceFulfilment(String number) {
		return Math.toIntExact(this.queries.policyFacts(number).daysSinceFulfilment());
	}

	public Double amount(String number) {
		return this.queries.policyFacts(number).amount().doubleValue();
	}

	public boolean exchange(String number) {
		return this.queries.policyFacts(number).resolution() == Resolution.EXCHANGE;
	}

}
