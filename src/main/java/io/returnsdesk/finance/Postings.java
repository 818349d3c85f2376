package io.returnsdesk.finance;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface Postings extends JpaRepository<Posting, Long> {

	boolean existsByReference(String reference);

	List<Posting> findByReferenceOrderByEntryLine(String reference);

	List<Posting> findAllByOrderByPostedAtAscReferenceAscEntryLineAsc();

}
