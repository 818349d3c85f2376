package io.returnsdesk.returns;

/**
 * Where a return stands in its lifecycle.
 */
public enum ReturnStatus {

	/** Awaiting approval. */
	SUBMITTED,
	/** Awaiting processing by the warehouse. */
	APPROVED,
	/** Awaiting confirmation by finance. */
	PROCESSED,
	/** Done: stock and finance posted. */
	CONFIRMED,
	/** Awaiting revision by the requester. */
	REJECTED,
	/** Given up by the requester; holds no quantity any more. */
	WITHDRAWN

}
