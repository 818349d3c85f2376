package io.returnsdesk.web;

/** A return has no credit or debit note: unknown, or not confirmed yet. */
class NoteNotFoundException extends RuntimeException {

	NoteNotFoundException(String returnNumber) {
		super("Return %s has no credit or debit note: one is issued when finance confirms the return"
			.formatted(returnNumber));
	}

}
