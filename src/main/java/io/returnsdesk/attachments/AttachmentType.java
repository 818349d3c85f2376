package io.returnsdesk.attachments;

/**
 * The kinds of file accepted as proof of a return, as detected from their content.
 */
public enum AttachmentType {

	/** A JPEG photo. */
	JPEG("image/jpeg", "jpg", "JPEG image", "jpeg"),
	/** A PNG image, e.g. a screenshot. */
	PNG("image/png", "png", "PNG image", "png"),
	/** A GIF image. */
	GIF("image/gif", "gif", "GIF image", "gif"),
	/** A WebP image; the JDK cannot decode it, so only its structure is checked. */
	WEBP("image/webp", "webp", "WebP image", null),
	/** A PDF document, e.g. a refund voucher. */
	PDF("application/pdf", "pdf", "PDF document", null);

	private final String mediaType;

	private final String extension;

	private final String label;

	private final String imageIoFormat;

	AttachmentType(String mediaType, String extension, String label, String imageIoFormat) {
		this.mediaType = mediaType;
		this.extension = extension;
		this.label = label;
		this.imageIoFormat = imageIoFormat;
	}

	/** The media type the attachment is served with. */
	public String mediaType() {
		return this.mediaType;
	}

	static AttachmentType ofMediaType(String mediaType) {
		for (AttachmentType type : values()) {
			if (type.mediaType.equals(mediaType)) {
				return type;
			}
		}
		throw new IllegalArgumentException("Not an attachment type: " + mediaType);
	}

	/** Whether the attachment is an image a browser can show. */
	public boolean isImage() {
		return this != PDF;
	}

	String extension() {
		return this.extension;
	}

	String label() {
		return this.label;
	}

	/** The javax.imageio format that decodes it, or null when the JDK has none. */
	String imageIoFormat() {
		return this.imageIoFormat;
	}

}
