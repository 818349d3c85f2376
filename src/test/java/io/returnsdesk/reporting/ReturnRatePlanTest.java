package io.returnsdesk.reporting;

import java.time.LocalDate;
import java.time.YearMonth;

import io.returnsdesk.reporting.ReturnRatePlan.Days;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a report period is split: whole months from the summary, and of a month taken in
 * part the fewer days, added from the summary's days or taken off the month.
 */
class ReturnRatePlanTest {

	@Test
	void readsWholeMonthsFromTheSummary() {
		ReturnRatePlan plan = ReturnRatePlan.of(LocalDate.parse("2025-11-01"), LocalDate.parse("2026-10-31"));

		assertThat(plan.months()).hasSize(12)
			.startsWith(YearMonth.parse("2025-11"))
			.endsWith(YearMonth.parse("2026-10"));
		assertThat(plan.days()).isEmpty();
	}

	@Test
	void readsAFewDaysOfAMonthRawAndTakesAFewDaysOffAMonthsSummary() {
		// the rolling year up to the 26th: 4 days of the first month, the last month less
		// 4
		ReturnRatePlan plan = ReturnRatePlan.of(LocalDate.parse("2025-11-27"), LocalDate.parse("2026-11-26"));

		assertThat(plan.months()).hasSize(12)
			.startsWith(YearMonth.parse("2025-12"))
			.endsWith(YearMonth.parse("2026-11"));
		assertThat(plan.days()).containsExactly(
				new Days(LocalDate.parse("2025-11-27"), LocalDate.parse("2025-11-30"), 1, YearMonth.parse("2025-11")),
				new Days(LocalDate.parse("2026-11-27"), LocalDate.parse("2026-11-30"), -1, YearMonth.parse("2026-11")));
	}

	@Test
	void takesDaysOffBothEndsOfAMonthWhenThePeriodLiesInsideIt() {
		ReturnRatePlan plan = ReturnRatePlan.of(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-30"));

		assertThat(plan.months()).containsExactly(YearMonth.parse("2026-03"));
		assertThat(plan.days()).containsExactly(
				new Days(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-01"), -1, YearMonth.parse("2026-03")),
				new Days(LocalDate.parse("2026-03-31"), LocalDate.parse("2026-03-31"), -1, YearMonth.parse("2026-03")));
		assertThat(ReturnRatePlan.of(LocalDate.parse("2026-03-10"), LocalDate.parse("2026-03-12")).days())
			.containsExactly(new Days(LocalDate.parse("2026-03-10"), LocalDate.parse("2026-03-12"), 1,
					YearMonth.parse("2026-03")));
	}

	@Test
	void readsEverythingRawWithoutTheSummary() {
		ReturnRatePlan plan = ReturnRatePlan.raw(LocalDate.parse("2026-01-15"), LocalDate.parse("2026-03-01"));

		assertThat(plan.months()).isEmpty();
		assertThat(plan.days()).extracting(Days::first, Days::last)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-01-15"), LocalDate.parse("2026-01-31")),
					org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-28")),
					org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-01")));
	}

}
