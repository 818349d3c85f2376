package io.returnsdesk.inventory;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface StockHoldRepository extends JpaRepository<StockHold, Long> {

	@Query("select h from StockHold h where h.reference = :reference")
	List<StockHold> findByReference(String reference);

	@Modifying(flushAutomatically = true, clearAutomatically = false)
	@Query("delete from StockHold h where h.reference = :reference")
	int deleteByReference(String reference);

	/** Units of the product held in the warehouse for every document but one. */
	@Query("""
			select coalesce(sum(h.quantity), 0) from StockHold h
			where h.product.id = :productId and h.warehouseCode = :warehouse and h.reference <> :except""")
	long heldExcept(Long productId, String warehouse, String except);

	/** Units held per product and warehouse, for the products given. */
	@Query("""
			select h.product.id, h.warehouseCode, sum(h.quantity) from StockHold h
			where h.product.id in :productIds group by h.product.id, h.warehouseCode""")
	List<Object[]> heldOf(Collection<Long> productIds);

}
