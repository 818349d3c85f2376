package io.returnsdesk.returns.history;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the history search.
 *
 * @param countCap free text alone is counted up to this many matches; beyond it the
 * search says "this many or more" instead of reading every match to count them
 */
@ConfigurationProperties("returns.search")
public record ReturnSearchSettings(@DefaultValue("2000") int countCap) {

	public ReturnSearchSettings {
		if (countCap < 1) {
			throw new IllegalArgumentException("returns.search.count-cap must be 1 or more, not " + countCap);
		}
	}

}
