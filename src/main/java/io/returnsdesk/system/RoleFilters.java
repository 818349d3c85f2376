package io.returnsdesk.system;

/**
 * The shared Tasklist filter of each role, each seen only by its group: made or brought
 * up to date at every start (see {@code system.process.TasklistFilters}).
 */
public interface RoleFilters {

	/** Makes, corrects and grants the filters; safe to run at any time, and again. */
	void ensure();

}
