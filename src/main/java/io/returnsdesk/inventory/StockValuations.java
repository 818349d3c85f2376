package io.returnsdesk.inventory;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface StockValuations extends JpaRepository<StockValuation, Long> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select v from StockValuation v where v.productId = :productId")
	Optional<StockValuation> findForUpdate(Long productId);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select v from StockValuation v where v.productId in :productIds order by v.productId")
	List<StockValuation> findAllForUpdate(Collection<Long> productIds);

	@Query("select coalesce(sum(v.value), 0) from StockValuation v")
	BigDecimal totalValue();

}
