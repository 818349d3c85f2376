package io.returnsdesk.returns.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives out return numbers {@code RT-yyyyMMdd-NNNN}, counted per day.
 * <p>
 * A number is the next value of a database sequence, counted from the day's base (the
 * first value drawn that day). Drawing never waits, so requests saved at once on any node
 * do not queue behind each other's transactions; only the first request of a day takes a
 * lock, to record the base. Numbers are unique; they run without gaps except where a
 * request failed after drawing its number (a request the desk refuses is refused before
 * it draws one). Each day has its own base, so clocks that differ a little between nodes
 * around midnight cannot hand out a number twice.
 */
@Component
public class ReturnNumbers {

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private static final String SEQUENCE = "return_number_seq";

	private final ReturnNumberDays days;

	private final EntityManager entities;

	private final String nextValue;

	private final Clock clock;

	ReturnNumbers(ReturnNumberDays days, EntityManager entities, EntityManagerFactory factory, Clock clock) {
		this.days = days;
		this.entities = entities;
		this.nextValue = factory.unwrap(SessionFactoryImplementor.class)
			.getJdbcServices()
			.getDialect()
			.getSequenceSupport()
			.getSequenceNextValString(SEQUENCE);
		this.clock = clock;
	}

	/** The next number of the day. */
	@Transactional(propagation = Propagation.MANDATORY)
	public String next() {
		LocalDate today = LocalDate.now(this.clock);
		Optional<ReturnNumberDay> day = this.days.findById(today);
		long number = day.isPresent() ? day.get().numberOf(nextValue()) : firstOfDay(today);
		return "RT-%s-%04d".formatted(today.format(DAY), number);
	}

	/**
	 * A number for a day that had none when asked: under the lock, either another request
	 * has recorded the day's base meanwhile, or this one draws the base and is number 1.
	 */
	private long firstOfDay(LocalDate today) {
		this.days.lock();
		Optional<ReturnNumberDay> recorded = this.days.findById(today);
		if (recorded.isPresent()) {
			return recorded.get().numberOf(nextValue());
		}
		long base = nextValue();
		this.days.save(new ReturnNumberDay(today, base));
		return 1;
	}

	private long nextValue() {
		return ((Number) this.entities.createNativeQuery(this.nextValue).getSingleResult()).longValue();
	}

}
