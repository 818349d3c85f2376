package io.returnsdesk.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * How a period is read: whole months from the summary, and days from the summary's days
 * or, for the check, from the raw rows.
 */
record ReturnRatePlan(List<YearMonth> months, List<Days> days, boolean daysFromSummary) {

	/**
	 * Whole months from the summary; of a month taken in part, the days inside the
	 * period, or the month less the days outside it, whichever reads fewer days.
	 */
	static ReturnRatePlan of(LocalDate from, LocalDate to) {
		List<YearMonth> months = new ArrayList<>();
		List<Days> days = new ArrayList<>();
		for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
			LocalDate first = month.atDay(1).isBefore(from) ? from : month.atDay(1);
			LocalDate last = month.atEndOfMonth().isAfter(to) ? to : month.atEndOfMonth();
			int inside = (int) (last.toEpochDay() - first.toEpochDay() + 1);
			if (inside == month.lengthOfMonth()) {
				months.add(month);
			}
			else if (inside <= month.lengthOfMonth() - inside) {
				days.add(new Days(first, last, 1, month));
			}
			else {
				months.add(month);
				if (first.isAfter(month.atDay(1))) {
					days.add(new Days(month.atDay(1), first.minusDays(1), -1, month));
				}
				if (last.isBefore(month.atEndOfMonth())) {
					days.add(new Days(last.plusDays(1), month.atEndOfMonth(), -1, month));
				}
			}
		}
		return new ReturnRatePlan(months, days, true);
	}

	/** Every day from the raw rows, month by month. */
	static ReturnRatePlan raw(LocalDate from, LocalDate to) {
		List<Days> days = new ArrayList<>();
		for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
			LocalDate first = month.atDay(1).isBefore(from) ? from : month.atDay(1);
			LocalDate last = month.atEndOfMonth().isAfter(to) ? to : month.atEndOfMonth();
			days.add(new Days(first, last, 1, month));
		}
		return new ReturnRatePlan(List.of(), days, false);
	}

	/**
	 * Days read from the summary's days (or the raw rows), added (sign 1) or taken off
	 * (-1), and their month.
	 */
	record Days(LocalDate first, LocalDate last, int sign, YearMonth month) {

	}

}
