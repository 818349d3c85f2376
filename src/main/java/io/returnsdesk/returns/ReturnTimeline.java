package io.returnsdesk.returns;

import java.util.List;

/**
 * The life of a return as its process lived it, told from the engine's history and the
 * return's own status events; implemented where the engine is known.
 */
public interface ReturnTimeline {

	/**
	 * What happened to the return, oldest first.
	 * @throws ReturnNotFoundException when there is no such return
	 */
	List<TimelineEntry> timeline(String number);

	/**
	 * Where its process stands and which tasks wait.
	 * @throws ReturnNotFoundException when there is no such return
	 */
	ReturnProcessState processState(String number);

}
