package io.returnsdesk.returns.process;

import java.util.EnumMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.returnsdesk.returns.ReturnStatus;
import io.returnsdesk.returns.ReturnView;
import io.returnsdesk.returns.TimelineEntry.Kind;

/**
 * The n-th status event of a kind is the n-th engine entry of that kind: the engine's
 * entry takes the event's actor and note where it has none; events without an engine
 * entry (its history cleaned up) stand alone.
 */
final class StatusEvents {

	private static final Set<Kind> STATUS_KINDS = Set.of(Kind.REQUESTED, Kind.APPROVED, Kind.REJECTED, Kind.RESUBMITTED,
			Kind.WITHDRAWN, Kind.PROCESSED, Kind.SENT_BACK, Kind.POSTED);

	private StatusEvents() {
	}

	static void mergeInto(List<TimelineDraft> entries, List<ReturnView.Event> events) {
		Map<Kind, LinkedList<TimelineDraft>> engineEntries = new EnumMap<>(Kind.class);
		entries.stream()
			.filter((draft) -> STATUS_KINDS.contains(draft.kind()))
			.forEach((draft) -> engineEntries.computeIfAbsent(draft.kind(), (kind) -> new LinkedList<>()).add(draft));
		ReturnStatus previous = null;
		for (ReturnView.Event event : events) {
			Kind kind = kindOf(event.status(), previous);
			previous = event.status();
			LinkedList<TimelineDraft> candidates = engineEntries.get(kind);
			TimelineDraft twin = (candidates != null) ? candidates.poll() : null;
			if (twin != null) {
				twin.fillIn(event.actor(), event.note());
			}
			else {
				entries.add(new TimelineDraft(event.at(), kind, event.actor(), null, event.note(), null, null));
			}
		}
	}

	private static Kind kindOf(ReturnStatus status, ReturnStatus previous) {
		return switch (status) {
			case SUBMITTED -> (previous == null) ? Kind.REQUESTED : Kind.RESUBMITTED;
			case APPROVED -> (previous == ReturnStatus.PROCESSED) ? Kind.SENT_BACK : Kind.APPROVED;
			case REJECTED -> Kind.REJECTED;
			case WITHDRAWN -> Kind.WITHDRAWN;
			case PROCESSED -> Kind.PROCESSED;
			case CONFIRMED -> Kind.POSTED;
		};
	}

}
