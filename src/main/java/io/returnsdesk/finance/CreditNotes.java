package io.returnsdesk.finance;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CreditNotes extends JpaRepository<CreditNote, Long> {

	@Query("select n from CreditNote n left join fetch n.lines where n.returnNumber = :returnNumber")
	Optional<CreditNote> findByReturnNumber(String returnNumber);

	@Query("""
			select distinct n from CreditNote n left join fetch n.lines
			where n.issuedOn >= :from and n.issuedOn <= :to and (:everyStore = true or n.storeCode in :stores)
			order by n.issuedOn, n.number""")
	List<CreditNote> findIssued(LocalDate from, LocalDate to, boolean everyStore, Collection<String> stores);

}
