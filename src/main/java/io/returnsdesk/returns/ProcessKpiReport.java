package io.returnsdesk.returns;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.lang.Nullable;

/**
 * The return process over a period: how long each step kept returns waiting, how long a
 * return took from request to confirmation, what became of the requests, and what waits
 * now. Times are in seconds; medians and 90th percentiles are interpolated between the
 * two nearest values (SQL {@code percentile_cont}) and null where nothing was measured.
 */
public record ProcessKpiReport(LocalDate from, LocalDate to, List<Step> steps, LeadTime lifecycle, Approvals approvals,
		Requests requests, long postingsWaiting, long incidents) {

	/**
	 * One user task of the process: tasks completed in the period with their waiting time
	 * (created to completed), and tasks open now with the oldest one's creation.
	 */
	public record Step(String step, String name, long completed, @Nullable Long medianWaitSeconds,
			@Nullable Long p90WaitSeconds, long openNow, @Nullable Instant oldestOpenSince) {

	}

	/** Returns confirmed in the period and how long each took from its request. */
	public record LeadTime(long completed, @Nullable Long medianSeconds, @Nullable Long p90Seconds) {

	}

	/**
	 * The approval reminder (ISO 8601), approvals completed in the period after it had
	 * passed, reminders sent in the period, and approvals waiting past it now.
	 */
	public record Approvals(String reminderAfter, long completedPastReminder, long remindersSent,
			long openPastReminder) {

	}

	/**
	 * Requests made in the period and what became of them: rejected at least once,
	 * resubmitted at least once, withdrawn, confirmed, still open; each share of the
	 * requests with four decimals, null when there were none.
	 */
	public record Requests(long started, long rejected, long resubmitted, long withdrawn, long confirmed, long open,
			@Nullable BigDecimal rejectedShare, @Nullable BigDecimal resubmittedShare,
			@Nullable BigDecimal withdrawnShare, @Nullable BigDecimal confirmedShare) {

	}

}
