package io.returnsdesk.inventory;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StockMovements extends JpaRepository<StockMovement, Long> {

	boolean existsByReferenceAndReferenceLineAndKindAndProductId(String reference, int referenceLine, MovementKind kind,
			Long productId);

	@Query("""
			select m from StockMovement m join fetch m.product p
			where (:sku is null or p.sku = :sku) and (:warehouse is null or m.warehouseCode = :warehouse)
			  and (:reference is null or m.reference = :reference)
			order by m.at, m.id""")
	List<StockMovement> search(String sku, String warehouse, String reference);

}
