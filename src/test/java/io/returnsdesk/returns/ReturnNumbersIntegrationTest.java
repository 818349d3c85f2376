package io.returnsdesk.returns;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.returnsdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Return numbers stay unique and gapless when many requests are saved at once.
 */
@IntegrationTest
class ReturnNumbersIntegrationTest {

	@Autowired
	ReturnNumbers numbers;

	@Autowired
	TransactionTemplate transaction;

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

}
