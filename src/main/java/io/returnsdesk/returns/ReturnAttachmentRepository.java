package io.returnsdesk.returns;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ReturnAttachmentRepository extends JpaRepository<ReturnAttachment, Long> {

	/**
	 * The return, locked until the transaction ends, so that two uploads of the same
	 * bytes cannot both be stored.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from ReturnOrder r where r.number = :number")
	Optional<ReturnOrder> lockReturn(String number);

	/** The attachments of a return without their bytes, oldest first. */
	@Query("""
			select new io.returnsdesk.returns.AttachmentView(a.id, a.fileName, a.contentType, a.size, a.sha256,
			  a.uploadedBy, a.uploadedAt)
			from ReturnAttachment a where a.returnOrder.id = :returnId order by a.id""")
	List<AttachmentView> views(Long returnId);

	/** The attachment of a return with these bytes, without them. */
	@Query("""
			select new io.returnsdesk.returns.AttachmentView(a.id, a.fileName, a.contentType, a.size, a.sha256,
			  a.uploadedBy, a.uploadedAt)
			from ReturnAttachment a where a.returnOrder.id = :returnId and a.sha256 = :sha256""")
	Optional<AttachmentView> viewBySha256(Long returnId, String sha256);

	Optional<ReturnAttachment> findByIdAndReturnOrderId(Long id, Long returnId);

}
