package io.returnsdesk.returns.internal;

import java.time.LocalDate;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReturnNumberDays extends JpaRepository<ReturnNumberDay, LocalDate> {

	/** Locks the single lock row until the transaction ends. */
	@Query(value = "select id from return_number_lock where id = 1 for update", nativeQuery = true)
	Integer lock();

}
