package io.returnsdesk.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.util.List;

import io.returnsdesk.attachments.AttachmentContent;
import io.returnsdesk.attachments.AttachmentView;
import io.returnsdesk.attachments.ReturnAttachments;
import io.returnsdesk.catalog.StoreScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Proof of a return: upload, list and download images and PDFs.
 */
@RestController
@Tag(name = "Attachments")
@RequestMapping("/api/returns/{number}/attachments")
class AttachmentController {

	private final ReturnAttachments attachments;

	AttachmentController(ReturnAttachments attachments) {
		this.attachments = attachments;
	}

	// no "consumes": a request of another type reaches the handler and is answered with
	// the API's problem instead of the container's error page. "produces": a client that
	// takes no JSON is refused before the file is stored, not after
	@Operation(summary = "Attach proof to a return: a JPEG, PNG, GIF or WebP image or a PDF, up to 10 MB",
			description = "The type is told by the content. The same bytes attached again create nothing: 200 "
					+ "and the first upload.")
	@ApiResponse(responseCode = "201", description = "Attached",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = AttachmentRow.class)))
	@ApiResponse(responseCode = "200", description = "The same bytes were attached before: the first upload",
			headers = @Header(name = HttpHeaders.CONTENT_LOCATION, required = true,
					description = "Where the first upload is read", schema = @Schema(type = "string")),
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = AttachmentRow.class)))
	@ApiResponse(responseCode = "409", description = "The return is withdrawn and takes no more proof")
	@ApiResponse(responseCode = "413", description = "The file is larger than 10 MB")
	@ApiResponse(responseCode = "415", description = "The file is not an image or PDF the desk takes")
	@ApiResponse(responseCode = "422", description = "The file is empty")
	@PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<AttachmentRow> upload(@PathVariable String number, @RequestParam("file") MultipartFile file,
			Principal user, StoreScope scope) throws IOException {
		ReturnAttachments.Attached attached = this.attachments.attach(number, file.getOriginalFilename(),
				file.getBytes(), user.getName(), scope);
		AttachmentRow row = AttachmentRow.of(number, attached.attachment());
		if (attached.created()) {
			return ResponseEntity.created(URI.create(row.url())).body(row);
		}
		// the same bytes were attached before: nothing new was created
		return ResponseEntity.ok().header(HttpHeaders.CONTENT_LOCATION, row.url()).body(row);
	}

	@Operation(summary = "The proof of a return, oldest first")
	@GetMapping
	List<AttachmentRow> list(@PathVariable String number, StoreScope scope) {
		return this.attachments.list(number, scope).stream().map((view) -> AttachmentRow.of(number, view)).toList();
	}

	@Operation(summary = "A file of proof: images inline, PDFs as a download")
	@GetMapping("/{id}")
	ResponseEntity<byte[]> download(@PathVariable String number, @PathVariable long id, StoreScope scope) {
		AttachmentContent content = this.attachments.content(number, id, scope);
		// nothing uploaded may act in our origin: no sniffing it into HTML, no script
		// even where the browser renders it. Chrome and Safari show no PDF under a
		// sandbox policy, so PDFs are downloaded and opened in the user's viewer.
		String disposition = content.type().isImage() ? "inline" : "attachment";
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(content.type().mediaType()))
			.contentLength(content.bytes().length)
			.header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(disposition, content.fileName()))
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "sandbox; default-src 'none'; style-src 'unsafe-inline'")
			.body(content.bytes());
	}

	/**
	 * The disposition with the name for every client: RFC 5987's UTF-8 {@code filename*}
	 * and a plain ASCII {@code filename} for clients that know no other.
	 */
	static String contentDisposition(String type, String fileName) {
		return "%s; filename=\"%s\"; filename*=UTF-8''%s".formatted(type, asciiFallback(fileName), rfc5987(fileName));
	}

	private static String asciiFallback(String fileName) {
		StringBuilder ascii = new StringBuilder(fileName.length());
		fileName.codePoints()
			.forEach(
					(c) -> ascii.append((c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%') ? (char) c : '_'));
		return ascii.toString();
	}

	private static String rfc5987(String value) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xFF;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "!#$&+-.^_`|~".indexOf(c) >= 0) {
				encoded.append((char) c);
			}
			else {
				encoded.append('%')
					.append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
			}
		}
		return encoded.toString();
	}

	record AttachmentRow(long id, String fileName, String contentType, long size, String sha256, String uploadedBy,
			Instant uploadedAt, String url) {

		static AttachmentRow of(String returnNumber, AttachmentView view) {
			String url = UriComponentsBuilder.fromPath("/api/returns/{number}/attachments/{id}")
				.buildAndExpand(returnNumber, view.id())
				.encode()
				.toUriString();
			return new AttachmentRow(view.id(), view.fileName(), view.contentType(), view.size(), view.sha256(),
					view.uploadedBy(), view.uploadedAt(), url);
		}

	}

}
