package io.returnsdesk.finance;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Postings extends JpaRepository<Posting, Long> {

	// JPQL, not derived from the name: Hibernate keeps the plan of a query string, but
	// translates a derived (criteria) query anew on every call
	@Query("select count(p) > 0 from Posting p where p.reference = :reference")
	boolean existsByReference(String reference);

	List<Posting> findByReferenceOrderByEntryLine(String reference);

	List<Posting> findAllByOrderByPostedAtAscReferenceAscEntryLineAsc();

}
