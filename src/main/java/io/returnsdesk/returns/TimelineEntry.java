package io.returnsdesk.returns;

import java.time.Instant;

import org.springframework.lang.Nullable;

/**
 * A moment in the life of a return, as a clerk reads it: what happened, who did it, in
 * which task, and the reason or note given.
 *
 * @param at when it happened
 * @param kind what happened
 * @param actor who did it, or null when the process did it by itself
 * @param task the name of the user task it happened in, if any
 * @param note the reason, note or detail that goes with it
 * @param taskId the engine's id of that task, if any
 * @param processInstanceId the engine's id of the return's process, if the engine still
 * knows it
 */
public record TimelineEntry(Instant at, Kind kind, @Nullable String actor, @Nullable String task, @Nullable String note,
		@Nullable String taskId, @Nullable String processInstanceId) {

	/** What happened. */
	public enum Kind {

		/** The return was requested and its process started. */
		REQUESTED,
		/** A user task began waiting for someone. */
		TASK_CREATED,
		/** An approver approved it. */
		APPROVED,
		/** An approver rejected it, with a reason. */
		REJECTED,
		/** The requester revised it and sent it to approval again. */
		RESUBMITTED,
		/** The requester gave it up. */
		WITHDRAWN,
		/** The warehouse recorded what came back and the refund. */
		PROCESSED,
		/** Finance sent it back to the warehouse, with a note. */
		SENT_BACK,
		/** Finance confirmed it. */
		CONFIRMED,
		/** Stock movements and finance entries were posted; the return is confirmed. */
		POSTED,
		/** Its approval waited too long and the approvers were reminded. */
		REMINDER,
		/** A replacement shipment was raised for an exchange. */
		REPLACEMENT,
		/** A user task was completed without a decision this timeline knows. */
		TASK_COMPLETED

	}

}
