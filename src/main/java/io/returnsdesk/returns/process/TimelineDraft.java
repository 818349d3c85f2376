package io.returnsdesk.returns.process;

import java.time.Instant;

import io.returnsdesk.returns.TimelineEntry;
import io.returnsdesk.returns.TimelineEntry.Kind;

/** An entry while the story is told and merged. */
final class TimelineDraft {

	private final Instant at;

	private final Kind kind;

	private String actor;

	private final String task;

	private String note;

	private final String taskId;

	private final String processInstanceId;

	TimelineDraft(Instant at, Kind kind, String actor, String task, String note, String taskId,
			String processInstanceId) {
		this.at = at;
		this.kind = kind;
		this.actor = actor;
		this.task = task;
		this.note = note;
		this.taskId = taskId;
		this.processInstanceId = processInstanceId;
	}

	Instant at() {
		return this.at;
	}

	Kind kind() {
		return this.kind;
	}

	/** Takes a status event's actor and note where the engine gave none. */
	void fillIn(String actor, String note) {
		this.actor = (this.actor != null) ? this.actor : actor;
		this.note = (this.note != null) ? this.note : note;
	}

	TimelineEntry entry() {
		return new TimelineEntry(this.at, this.kind, this.actor, this.task, this.note, this.taskId,
				this.processInstanceId);
	}

}
