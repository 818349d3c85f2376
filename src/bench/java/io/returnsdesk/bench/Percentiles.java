package io.returnsdesk.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Percentiles of measured durations, nearest rank. */
final class Percentiles {

	private Percentiles() {
	}

	/**
	 * The {@code percentile}th of the durations in nanoseconds (100: the largest), in
	 * milliseconds to a hundredth.
	 */
	static double millis(Collection<Long> nanos, int percentile) {
		if (nanos.isEmpty()) {
			throw new IllegalArgumentException("Nothing was measured");
		}
		List<Long> sorted;
		synchronized (nanos) {
			sorted = new ArrayList<>(nanos);
		}
		Collections.sort(sorted);
		int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
		long value = sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
		return Math.round(value / 10_000.0) / 100.0;
	}

}
