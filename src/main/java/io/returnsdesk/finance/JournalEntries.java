package io.returnsdesk.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface JournalEntries extends JpaRepository<JournalEntry, Long> {

	@Query("select e from JournalEntry e where e.eventKey = :eventKey")
	Optional<JournalEntry> findByEventKey(String eventKey);

	@Query("select e from JournalEntry e where e.number = :number")
	Optional<JournalEntry> findByNumber(String number);

	// the entries of the stores only, unless everyStore: an entry of no store is the head
	// office's

	@Query("""
			select distinct e from JournalEntry e left join fetch e.lines
			where e.reference = :reference and (:everyStore = true or e.storeCode in :stores) order by e.number""")
	List<JournalEntry> findByReference(String reference, boolean everyStore, Collection<String> stores);

	@Query("""
			select distinct e from JournalEntry e left join fetch e.lines
			where e.entryDate >= :from and e.entryDate <= :to and (:everyStore = true or e.storeCode in :stores)
			order by e.entryDate, e.number""")
	List<JournalEntry> findDated(LocalDate from, LocalDate to, boolean everyStore, Collection<String> stores);

	@Query("""
			select new io.returnsdesk.finance.JournalEntries$AccountTotals(l.account, sum(l.debit), sum(l.credit))
			from JournalEntry e join e.lines l
			where e.entryDate >= :from and e.entryDate <= :to and (:everyStore = true or e.storeCode in :stores)
			group by l.account""")
	List<AccountTotals> totalsByAccount(LocalDate from, LocalDate to, boolean everyStore, Collection<String> stores);

	/** An account's debits and credits. */
	record AccountTotals(String account, BigDecimal debit, BigDecimal credit) {

	}

}
