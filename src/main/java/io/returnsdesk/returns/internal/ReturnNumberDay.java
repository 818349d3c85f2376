package io.returnsdesk.returns.internal;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * Where a day's return numbers start: the first value of the number sequence drawn that
 * day. Written once per day, never changed.
 */
@Entity
class ReturnNumberDay {

	@Id
	private LocalDate counterDay;

	private long baseValue;

	protected ReturnNumberDay() {
	}

	ReturnNumberDay(LocalDate counterDay, long baseValue) {
		this.counterDay = counterDay;
		this.baseValue = baseValue;
	}

	/** The day's number of a value drawn from the sequence: 1 for the base. */
	long numberOf(long value) {
		return value - this.baseValue + 1;
	}

}
