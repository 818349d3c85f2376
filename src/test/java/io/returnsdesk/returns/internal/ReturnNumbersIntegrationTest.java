package io.returnsdesk.returns.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.returnsdesk.support.IntegrationTest;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Return numbers stay unique and consecutive when many requests are saved at once, and
 * drawing one never waits for another request's transaction.
 */
@IntegrationTest
class ReturnNumbersIntegrationTest {

	@Autowired
	ReturnNumbers numbers;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	ReturnNumberDays days;

	@Autowired
	EntityManager entities;

	@Autowired
	EntityManagerFactory factory;

	@Test
	void concurrentRequestsGetDistinctConsecutiveNumbers() throws Exception {
		Callable<String> next = () -> this.transaction.execute((status) -> this.numbers.next());
		ExecutorService clerks = Executors.newFixedThreadPool(8);
		List<Future<String>> futures = new ArrayList<>();
		try {
			for (int i = 0; i < 40; i++) {
				futures.add(clerks.submit(next));
			}
			List<String> given = new ArrayList<>();
			for (Future<String> future : futures) {
				given.add(future.get());
			}
			assertThat(given).doesNotHaveDuplicates().allMatch((number) -> number.matches("RT-\\d{8}-\\d{4}"));
			List<Integer> sequence = given.stream()
				.map((number) -> Integer.valueOf(number.substring(12)))
				.sorted()
				.toList();
			assertThat(sequence.get(sequence.size() - 1) - sequence.get(0)).isEqualTo(39);
		}
		finally {
			clerks.shutdown();
		}
	}

	@Test
	void aNumberDoesNotWaitForAnotherRequestStillInItsTransaction() throws Exception {
		// the day's base is recorded: later requests take no lock
		int before = sequenceNumber(this.transaction.execute((status) -> this.numbers.next()));
		ExecutorService clerks = Executors.newFixedThreadPool(2);
		CountDownLatch drawn = new CountDownLatch(1);
		CountDownLatch finish = new CountDownLatch(1);
		try {
			Future<String> slow = clerks.submit(() -> this.transaction.execute((status) -> {
				String number = this.numbers.next();
				drawn.countDown();
				await(finish);
				return number;
			}));
			assertThat(drawn.await(10, TimeUnit.SECONDS)).isTrue();
			// with a lock held to the commit, this would wait for the slow request
			String quick = clerks.submit(() -> this.transaction.execute((status) -> this.numbers.next()))
				.get(10, TimeUnit.SECONDS);
			finish.countDown();
			assertThat(sequenceNumber(slow.get(10, TimeUnit.SECONDS))).isEqualTo(before + 1);
			assertThat(sequenceNumber(quick)).isEqualTo(before + 2);
		}
		finally {
			finish.countDown();
			clerks.shutdown();
		}
	}

	@Test
	void aRequestThatFailsAfterDrawingLeavesAGapAndNoDuplicate() {
		int before = sequenceNumber(this.transaction.execute((status) -> this.numbers.next()));
		this.transaction.executeWithoutResult((status) -> {
			this.numbers.next();
			status.setRollbackOnly();
		});
		assertThat(sequenceNumber(this.transaction.execute((status) -> this.numbers.next()))).isEqualTo(before + 2);
	}

	@Test
	void eachDayCountsFromOne() {
		ReturnNumbers newYear = new ReturnNumbers(this.days, this.entities, this.factory,
				Clock.fixed(Instant.parse("2098-12-31T16:30:00Z"), ZoneId.of("Asia/Shanghai")));
		List<String> given = this.transaction.execute((status) -> List.of(newYear.next(), newYear.next()));
		String today = this.transaction.execute((status) -> this.numbers.next());
		List<String> later = this.transaction.execute((status) -> List.of(newYear.next()));

		assertThat(given).containsExactly("RT-20990101-0001", "RT-20990101-0002");
		assertThat(later).containsExactly("RT-20990101-0004");
		assertThat(today).doesNotStartWith("RT-20990101");
	}

	private static int sequenceNumber(String number) {
		return Integer.parseInt(number.substring(12));
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(20, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
