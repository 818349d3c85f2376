package io.returnsdesk.support;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.function.Supplier;

import io.returnsdesk.engine.EngineTime;

/**
 * Steps taken at a time of the past, as the engine's (and so the application's) clock
 * tells it.
 */
public final class TimeTravel {

	private TimeTravel() {
	}

	/**
	 * Runs the step at a local time of the merchant (the zone of the given clock), then
	 * lets the engine's time run on again.
	 */
	public static <T> T at(Clock merchant, String localTime, Supplier<T> step) {
		EngineTime.set(LocalDateTime.parse(localTime).atZone(merchant.getZone()).toInstant());
		try {
			return step.get();
		}
		finally {
			EngineTime.reset();
		}
	}

}
