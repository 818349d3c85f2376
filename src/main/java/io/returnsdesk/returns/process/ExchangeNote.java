package io.returnsdesk.returns.process;

import java.math.BigDecimal;

import io.returnsdesk.returns.Resolution;
import io.returnsdesk.returns.ReturnView;
import io.returnsdesk.returns.internal.ClientText;

/**
 * What an exchange for another article costs the customer or gives back, in both
 * languages, for the approver's and finance's forms: "The replacements cost 6.00 more:
 * the customer pays it · …"; null for a refund or an exchange at the same price.
 */
final class ExchangeNote {

	private ExchangeNote() {
	}

	static String of(ReturnView view) {
		BigDecimal difference = view.priceDifference();
		if (view.resolution() != Resolution.EXCHANGE || difference.signum() == 0) {
			return null;
		}
		String amount = ClientText.money(difference.abs());
		return (difference.signum() > 0)
				? "The replacements cost %s more: the customer pays it · 新货品贵 %s：客户补差价".formatted(amount, amount)
				: "The replacements cost %s less: refunded · 新货品便宜 %s：退差价".formatted(amount, amount);
	}

}
