package io.returnsdesk.attachments;

/**
 * Thrown when a file cannot be attached to a return; nothing is stored.
 */
public class AttachmentRefusedException extends RuntimeException {

	private final Reason reason;

	AttachmentRefusedException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public Reason getReason() {
		return this.reason;
	}

	/** Why a file was refused. */
	public enum Reason {

		/** The file has no bytes. */
		EMPTY,
		/** The file, or the image in it, is larger than accepted. */
		TOO_LARGE,
		/** The content is not one of the accepted types, whatever its name says. */
		TYPE_NOT_ACCEPTED

	}

}
