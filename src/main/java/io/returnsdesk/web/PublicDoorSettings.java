package io.returnsdesk.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the public door (customer self-service, {@code /api/public/**}): how many
 * calls one client address, and how many calls about one order or return number, are
 * answered in a period. Each node counts its own.
 *
 * @param perAddress the calls of one client address (as the server sees it)
 * @param perNumber the calls naming one order number or one return number, from anywhere
 */
@ConfigurationProperties("returns.public")
record PublicDoorSettings(@DefaultValue Limit perAddress, @DefaultValue Limit perNumber) {

	/**
	 * A number of calls per period: spent one per call, given back evenly over the
	 * period.
	 *
	 * @param calls the calls answered in a period
	 * @param period the period
	 */
	record Limit(@DefaultValue("30") int calls, @DefaultValue("10m") Duration period) {

		Limit {
			if (calls < 1 || period.isNegative() || period.isZero()) {
				throw new IllegalArgumentException(
						"A limit of the public door needs at least one call in a period longer than zero");
			}
		}

	}

}
