package io.returnsdesk.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The days a read covers, both included, from the parameters {@code from} and {@code to}
 * (ISO dates, the merchant's days): refused when not dates, backwards, or longer than a
 * read may cover.
 */
record DayPeriod(LocalDate first, LocalDate last) {

	/**
	 * The period asked for; without {@code to}, up to today; without {@code from}, the
	 * given days before.
	 */
	static DayPeriod of(String from, String to, int defaultDays, int maxDays, Clock clock) {
		LocalDate last = (to != null && !to.isBlank()) ? day("to", to) : LocalDate.now(clock);
		LocalDate first = (from != null && !from.isBlank()) ? day("from", from) : last.minusDays(defaultDays - 1);
		if (last.isBefore(first)) {
			throw new BadRequestException("to", "The period ends (%s) before it starts (%s)".formatted(last, first));
		}
		if (first.plusDays(maxDays).isBefore(last)) {
			throw new BadRequestException("from", "A period covers at most %d days".formatted(maxDays));
		}
		return new DayPeriod(first, last);
	}

	/** A day given as a parameter, such as 2026-11-26. */
	static LocalDate day(String parameter, String value) {
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new BadRequestException(parameter, "'%s' is not a date like 2026-11-26".formatted(value));
		}
	}

}
