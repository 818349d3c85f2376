package io.returnsdesk.catalog;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Customers and suppliers.
 */
public interface Parties extends JpaRepository<Party, Long> {

	Optional<Party> findByCode(String code);

}
