package io.returnsdesk.catalog;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The merchant's stores.
 */
public interface Stores extends JpaRepository<Store, String> {

}
