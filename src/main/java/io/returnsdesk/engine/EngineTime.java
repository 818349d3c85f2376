package io.returnsdesk.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's time, which is the application's: the demo seeding and tests move it
 * through the past, and domain times and the engine's history move with it.
 */
public final class EngineTime {

	private EngineTime() {
	}

	/** A clock in the given zone that tells the engine's time. */
	public static Clock clock(ZoneId zone) {
		return new EngineClock(zone);
	}

	/** The engine's time now. */
	public static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	/**
	 * Stops the engine's time at the given instant, for the engine and the application.
	 */
	public static void set(Instant at) {
		ClockUtil.setCurrentTime(Date.from(at));
	}

	/** Lets the engine's time run with the system's again. */
	public static void reset() {
		ClockUtil.reset();
	}

}
