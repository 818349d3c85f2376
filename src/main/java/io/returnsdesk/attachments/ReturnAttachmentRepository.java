package io.returnsdesk.attachments;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReturnAttachmentRepository extends JpaRepository<ReturnAttachment, Long> {

	/** The attachments of a return without their bytes, oldest first. */
	@Query("""
			select new io.returnsdesk.attachments.AttachmentView(a.id, a.fileName, a.contentType, a.size, a.sha256,
			  a.uploadedBy, a.uploadedAt)
			from ReturnAttachment a where a.returnId = :returnId order by a.id""")
	List<AttachmentView> views(Long returnId);

	/** The attachment of a return with these bytes, without them. */
	@Query("""
			select new io.returnsdesk.attachments.AttachmentView(a.id, a.fileName, a.contentType, a.size, a.sha256,
			  a.uploadedBy, a.uploadedAt)
			from ReturnAttachment a where a.returnId = :returnId and a.sha256 = :sha256""")
	Optional<AttachmentView> viewBySha256(Long returnId, String sha256);

	Optional<ReturnAttachment> findByIdAndReturnId(Long id, Long returnId);

}
