package io.returnsdesk.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StockMovements extends JpaRepository<StockMovement, Long> {

	// JPQL, not derived from the name: Hibernate keeps the plan of a query string, but
	// translates a derived (criteria) query anew on every call
	@Query("""
			select count(m) > 0 from StockMovement m
			where m.reference = :reference and m.referenceLine = :referenceLine and m.kind = :kind
			  and m.product.id = :productId""")
	boolean existsByReferenceAndReferenceLineAndKindAndProductId(String reference, int referenceLine, MovementKind kind,
			Long productId);

	/** What tells the documents' movements apart: reference, line, kind, product. */
	@Query("select m.reference, m.referenceLine, m.kind, m.product.id from StockMovement m where m.reference in :references")
	List<Object[]> keysOf(Collection<String> references);

	/**
	 * A document's movements, oldest first: found by the reference that leads the
	 * movements' unique key, not by {@link #search}, whose optional conditions a server
	 * may plan without that key (PostgreSQL's generic plan of a prepared statement read
	 * every movement of every product).
	 */
	@Query("select m from StockMovement m join fetch m.product where m.reference = :reference order by m.at, m.id")
	List<StockMovement> ofDocument(String reference);

	@Query("""
			select m from StockMovement m join fetch m.product p
			where (:sku is null or p.sku = :sku) and (:warehouse is null or m.warehouseCode = :warehouse)
			  and (:reference is null or m.reference = :reference)
			  and (:everyStore = true
			       or m.warehouseCode in (select w.code from Warehouse w where w.storeCode in :stores))
			order by m.at, m.id""")
	List<StockMovement> search(String sku, String warehouse, String reference, boolean everyStore,
			Collection<String> stores);

	@Query("""
			select new io.returnsdesk.inventory.StockMovements$KindValue(m.kind, sum(m.movedValue))
			from StockMovement m where m.kind in :kinds and m.at < :before
			  and (:everyStore = true
			       or m.warehouseCode in (select w.code from Warehouse w where w.storeCode in :stores))
			group by m.kind""")
	List<KindValue> valueMoved(Collection<MovementKind> kinds, Instant before, boolean everyStore,
			Collection<String> stores);

	/** The value a kind of movement moved. */
	record KindValue(MovementKind kind, BigDecimal value) {

	}

}
