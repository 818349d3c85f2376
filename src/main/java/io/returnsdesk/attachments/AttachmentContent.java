package io.returnsdesk.attachments;

/**
 * The bytes of an attachment, with the name and the detected type to serve them with.
 */
public record AttachmentContent(String fileName, AttachmentType type, byte[] bytes) {

}
