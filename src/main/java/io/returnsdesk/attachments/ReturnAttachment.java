package io.returnsdesk.attachments;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * A file attached to a return as proof, with its bytes. Lists read {@link AttachmentView}
 * instead, so that the bytes are loaded only when asked for.
 */
@Entity
class ReturnAttachment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	// the return's id: a return is the returns module's, read through its API
	private Long returnId;

	private String fileName;

	private String contentType;

	@Column(name = "size_bytes")
	private long size;

	private String sha256;

	private byte[] content;

	private String uploadedBy;

	private Instant uploadedAt;

	protected ReturnAttachment() {
	}

	ReturnAttachment(long returnId, String fileName, AttachmentType type, byte[] content, String sha256,
			String uploadedBy, Instant uploadedAt) {
		this.returnId = returnId;
		this.fileName = fileName;
		this.contentType = type.mediaType();
		this.size = content.length;
		this.sha256 = sha256;
		this.content = content;
		this.uploadedBy = uploadedBy;
		this.uploadedAt = uploadedAt;
	}

	AttachmentView view() {
		return new AttachmentView(this.id, this.fileName, this.contentType, this.size, this.sha256, this.uploadedBy,
				this.uploadedAt);
	}

	AttachmentContent content() {
		return new AttachmentContent(this.fileName, AttachmentType.ofMediaType(this.contentType), this.content);
	}

}
