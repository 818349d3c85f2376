package io.returnsdesk.system;

import java.time.Clock;
import java.time.ZoneId;

import io.returnsdesk.engine.EngineTime;

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
		return EngineTime.clock(zone);
	}

}
