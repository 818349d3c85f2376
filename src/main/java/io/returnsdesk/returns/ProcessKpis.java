package io.returnsdesk.returns;

import io.returnsdesk.catalog.StoreScope;

import java.time.LocalDate;

/**
 * Where returns wait: the return process's steps measured from the engine's history;
 * implemented where the engine is known.
 */
public interface ProcessKpis {

	/** The longest period the figures cover. */
	int MAX_DAYS = 3 * 366;

	/**
	 * Waiting times of the tasks completed and outcomes of the requests made in the days
	 * {@code from} to {@code to} (both included, the merchant's days), and the work
	 * waiting now, of the returns of the stores (the engine's tenants).
	 */
	ProcessKpiReport report(LocalDate from, LocalDate to, StoreScope scope);

}
