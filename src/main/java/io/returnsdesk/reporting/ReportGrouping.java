package io.returnsdesk.reporting;

/**
 * What a return-rate report is broken down by.
 */
public enum ReportGrouping {

	PRODUCT, STORE, REASON, MONTH

}
