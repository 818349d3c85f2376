package io.returnsdesk.returns;

import java.util.List;

import io.returnsdesk.catalog.StoreScope;

/**
 * The life of a return as its process lived it, told from the engine's history and the
 * return's own status events; implemented where the engine is known.
 */
public interface ReturnTimeline {

	/**
	 * What happened to the return, oldest first.
	 * @throws ReturnNotFoundException when there is no such return of the stores
	 */
	List<TimelineEntry> timeline(String number, StoreScope scope);

	/**
	 * Where its process stands and which tasks wait.
	 * @throws ReturnNotFoundException when there is no such return of the stores
	 */
	ReturnProcessState processState(String number, StoreScope scope);

}
