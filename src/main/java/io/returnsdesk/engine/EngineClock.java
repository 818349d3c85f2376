package io.returnsdesk.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The application's clock is the engine's: domain times and the engine's history agree,
 * also when a test or the demo seeding moves the engine's time.
 */
final class EngineClock extends Clock {

	private final ZoneId zone;

	EngineClock(ZoneId zone) {
		this.zone = zone;
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new EngineClock(zone);
	}

	@Override
	public Instant instant() {
		return EngineTime.now();
	}

}
