package io.returnsdesk.returns;

/**
 * What becomes of returned goods: back on the shelf, or written off.
 */
public enum LineCondition {

	RESTOCK, SCRAP

}
