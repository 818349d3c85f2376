package io.returnsdesk.inventory;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * The merchant's warehouses.
 */
public interface Warehouses extends JpaRepository<Warehouse, String> {

	/**
	 * All warehouses by code; JPQL, not {@code findAll()}: Hibernate keeps the plan of a
	 * query string, but translates a derived (criteria) query anew on every call.
	 */
	@Query("select w from Warehouse w order by w.code")
	List<Warehouse> all();

}
