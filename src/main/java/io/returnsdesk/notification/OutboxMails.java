package io.returnsdesk.notification;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OutboxMails extends JpaRepository<OutboxMail, Long> {

	/**
	 * Claims due pending mails, oldest first, locking them until the transaction ends;
	 * rows another relay holds are skipped, so two relays never send the same mail. H2
	 * takes the same clause.
	 */
	@Query(value = """
			select * from mail_outbox where status = 'PENDING' and next_attempt_at <= :now
			order by next_attempt_at, id fetch first :limit rows only for update skip locked""", nativeQuery = true)
	List<OutboxMail> claimDue(@Param("now") Instant now, @Param("limit") int limit);

	List<OutboxMail> findByReferenceOrderById(String reference);

	Page<OutboxMail> findByStatus(MailStatus status, Pageable pageable);

	long countByStatus(MailStatus status);

}
