package io.returnsdesk.catalog;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * The product catalogue.
 */
public interface Products extends JpaRepository<Product, Long> {

	// JPQL, not derived from the name: Hibernate keeps the plan of a query string, but
	// translates a derived (criteria) query anew on every call
	@Query("select p from Product p where p.sku = :sku")
	Optional<Product> findBySku(String sku);

	/** Products whose name or SKU contains the text, or whose barcode is exactly it. */
	@Query("""
			select p from Product p
			where p.barcode = :q or lower(p.sku) like lower(concat('%', :q, '%'))
			   or lower(p.name) like lower(concat('%', :q, '%'))
			order by case when p.barcode = :q then 0 else 1 end, p.sku""")
	List<Product> search(String q, Pageable page);

	/** The variants of a model, by SKU. */
	@Query("select p from Product p where p.model = :model order by p.sku")
	List<Product> findByModel(String model);

}
