package io.returnsdesk.inventory;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The merchant's warehouses.
 */
public interface Warehouses extends JpaRepository<Warehouse, String> {

}
