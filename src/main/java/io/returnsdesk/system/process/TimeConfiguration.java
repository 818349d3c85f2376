package io.returnsdesk.system.process;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the application, in the merchant's time zone: return numbers and report
 * days follow the merchant's calendar, not the server's.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

	@Bean
	Clock clock(@Value("${returns.time-zone:Asia/Shanghai}") ZoneId zone) {
		return new EngineClock(zone);
	}

}
