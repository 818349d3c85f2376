package io.returnsdesk.attachments;

import java.time.Instant;

/**
 * What is known about an attachment of a return, without its bytes.
 */
public record AttachmentView(Long id, String fileName, String contentType, long size, String sha256, String uploadedBy,
		Instant uploadedAt) {

}
