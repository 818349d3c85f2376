package io.returnsdesk.attachments;

/**
 * Thrown when a return has no attachment with the id asked for.
 */
public class AttachmentNotFoundException extends RuntimeException {

	AttachmentNotFoundException(String returnNumber, long id) {
		super("Return %s has no attachment %d".formatted(returnNumber, id));
	}

}
