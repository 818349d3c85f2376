package io.returnsdesk.inventory;

import java.math.BigDecimal;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface StockValuations extends JpaRepository<StockValuation, Long> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select v from StockValuation v where v.productId = :productId")
	Optional<StockValuation> findForUpdate(Long productId);

	@Query("select coalesce(sum(v.value), 0) from StockValuation v")
	BigDecimal totalValue();

}
