package io.returnsdesk.returns;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * The last return number given out on a day.
 */
@Entity
class ReturnNumberCounter {

	@Id
	private LocalDate counterDay;

	private int lastValue;

	protected ReturnNumberCounter() {
	}

	ReturnNumberCounter(LocalDate counterDay) {
		this.counterDay = counterDay;
	}

	int next() {
		return ++this.lastValue;
	}

}
