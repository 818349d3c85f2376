package io.returnsdesk.reporting;

/**
 * What an analyst decides about a high return rate.
 */
public enum ReviewAction {

	NO_ACTION, CHECK_QUALITY, CONTACT_SUPPLIER, UPDATE_LISTING, STOP_SELLING

}
