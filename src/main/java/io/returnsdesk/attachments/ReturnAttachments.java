package io.returnsdesk.attachments;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import io.returnsdesk.catalog.StoreScope;
import io.returnsdesk.returns.ReturnQueries;
import io.returnsdesk.returns.ReturnReference;
import io.returnsdesk.returns.ReturnStateException;
import io.returnsdesk.returns.ReturnStatus;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Proof of a return (refund voucher, photos): images and PDFs up to 10 MB, kept in the
 * database, their type told by their content.
 */
@Service
public class ReturnAttachments {

	/** The largest file that can be attached: 10 MB. */
	public static final long MAX_SIZE = 10L * 1024 * 1024;

	private final ReturnQueries returns;

	private final ReturnAttachmentRepository attachments;

	private final TransactionTemplate transaction;

	private final Clock clock;

	ReturnAttachments(ReturnQueries returns, ReturnAttachmentRepository attachments, TransactionTemplate transaction,
			Clock clock) {
		this.returns = returns;
		this.attachments = attachments;
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * Attaches a file to a return that is not withdrawn. The same bytes attached to the
	 * same return again are stored once: the answer is then the attachment made first,
	 * with its name, and {@code created} is false.
	 */
	public Attached attach(String returnNumber, String originalFileName, byte[] bytes, String user) {
		return attach(returnNumber, originalFileName, bytes, user, StoreScope.everyStore());
	}

	/**
	 * Attaches a file as {@link #attach(String, String, byte[], String)} to a return of
	 * one of the stores; another store's is a return there is not.
	 */
	public Attached attach(String returnNumber, String originalFileName, byte[] bytes, String user, StoreScope scope) {
		// an unknown (or another store's) or withdrawn return is said so before the
		// content is looked at
		acceptsAttachments(this.returns.reference(returnNumber, scope));
		AttachmentType type = checkedType(bytes);
		String fileName = AttachmentFileNames.sanitised(originalFileName, type);
		String sha256 = sha256(bytes);
		// checking the content can take a moment and needs no connection: only storing
		// runs in a transaction
		return this.transaction.execute((status) -> {
			// two uploads of the same bytes to one return cannot both be stored
			ReturnReference order = this.returns.lock(returnNumber);
			acceptsAttachments(order);
			return this.attachments.viewBySha256(order.id(), sha256)
				.map((existing) -> new Attached(existing, false))
				.orElseGet(() -> new Attached(this.attachments
					.save(new ReturnAttachment(order.id(), fileName, type, bytes, sha256, user, this.clock.instant()))
					.view(), true));
		});
	}

	/** The attachments of a return, oldest first, without their bytes. */
	@Transactional(readOnly = true)
	public List<AttachmentView> list(String returnNumber) {
		return list(returnNumber, StoreScope.everyStore());
	}

	/** The attachments of a return of one of the stores, oldest first. */
	@Transactional(readOnly = true)
	public List<AttachmentView> list(String returnNumber, StoreScope scope) {
		return this.attachments.views(this.returns.reference(returnNumber, scope).id());
	}

	/** The bytes of an attachment of a return. */
	@Transactional(readOnly = true)
	public AttachmentContent content(String returnNumber, long id) {
		return content(returnNumber, id, StoreScope.everyStore());
	}

	/** The bytes of an attachment of a return of one of the stores. */
	@Transactional(readOnly = true)
	public AttachmentContent content(String returnNumber, long id, StoreScope scope) {
		ReturnReference order = this.returns.reference(returnNumber, scope);
		return this.attachments.findByIdAndReturnId(id, order.id())
			.orElseThrow(() -> new AttachmentNotFoundException(returnNumber, id))
			.content();
	}

	private static void acceptsAttachments(ReturnReference order) {
		if (order.status() == ReturnStatus.WITHDRAWN) {
			throw new ReturnStateException(order.number(), order.status(), "given attachments");
		}
	}

	private static AttachmentType checkedType(byte[] bytes) {
		if (bytes == null || bytes.length == 0) {
			throw new AttachmentRefusedException(AttachmentRefusedException.Reason.EMPTY, "The file is empty");
		}
		if (bytes.length > MAX_SIZE) {
			throw new AttachmentRefusedException(AttachmentRefusedException.Reason.TOO_LARGE, String.format(Locale.ROOT,
					"The file has %,d bytes; at most 10 MB (%,d bytes) can be attached", bytes.length, MAX_SIZE));
		}
		return AttachmentTypeDetector.detect(bytes);
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

	/**
	 * An attachment, and whether this call created it or found the same bytes already
	 * attached.
	 */
	public record Attached(AttachmentView attachment, boolean created) {

	}

}
