package io.returnsdesk.returns;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives out return numbers {@code RT-yyyyMMdd-NNNN}, one sequence per day.
 */
@Component
class ReturnNumbers {

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private final ReturnNumberCounters counters;

	private final Clock clock;

	ReturnNumbers(ReturnNumberCounters counters, Clock clock) {
		this.counters = counters;
		this.clock = clock;
	}

	/**
	 * The next number of the day. The lock is held until the caller's transaction ends,
	 * so concurrent requests on any node get distinct numbers, and a rolled-back request
	 * gives its number back. Each day has its own counter, so clocks that differ a little
	 * between nodes around midnight cannot hand out a number twice.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	String next() {
		LocalDate today = LocalDate.now(this.clock);
		this.counters.lock();
		ReturnNumberCounter counter = this.counters.findById(today)
			.orElseGet(() -> this.counters.save(new ReturnNumberCounter(today)));
		return "RT-%s-%04d".formatted(today.format(DAY), counter.next());
	}

}
