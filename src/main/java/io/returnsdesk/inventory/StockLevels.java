package io.returnsdesk.inventory;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface StockLevels extends JpaRepository<StockLevel, StockLevelId> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from StockLevel s where s.id = :id")
	Optional<StockLevel> findForUpdate(StockLevelId id);

	@Query("""
			select s from StockLevel s join fetch s.product p
			where (:sku is null or p.sku = :sku) and (:warehouse is null or s.id.warehouseCode = :warehouse)
			order by p.sku, s.id.warehouseCode""")
	List<StockLevel> search(String sku, String warehouse);

}
