package io.returnsdesk.inventory;

import java.math.BigDecimal;
import java.util.Collection;
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

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from StockLevel s where s.id.productId in :productIds order by s.id.productId, s.id.warehouseCode")
	List<StockLevel> findAllForUpdate(Collection<Long> productIds);

	@Query("""
			select s from StockLevel s join fetch s.product p
			where (:sku is null or p.sku = :sku) and (:warehouse is null or s.id.warehouseCode = :warehouse)
			  and (:everyStore = true
			       or s.id.warehouseCode in (select w.code from Warehouse w where w.storeCode in :stores))
			order by p.sku, s.id.warehouseCode""")
	List<StockLevel> search(String sku, String warehouse, boolean everyStore, Collection<String> stores);

	/**
	 * The value at cost of the units on hand in the warehouses of the stores: each unit
	 * of a product carries its moving average, wherever it is.
	 */
	@Query("""
			select coalesce(sum(v.value * s.onHand / v.quantity), 0) from StockLevel s, StockValuation v
			where v.productId = s.id.productId and v.quantity > 0 and s.onHand > 0
			  and s.id.warehouseCode in (select w.code from Warehouse w where w.storeCode in :stores)""")
	BigDecimal valueOnHand(Collection<String> stores);

}
