package io.returnsdesk.returns.internal;

import java.util.Optional;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import org.springframework.transaction.annotation.Transactional;

/** Spring Data's implementation of {@link ReturnOrdersByNumber}, found by its name. */
class ReturnOrdersByNumberImpl implements ReturnOrdersByNumber {

	private final EntityManager entities;

	ReturnOrdersByNumberImpl(EntityManager entities) {
		this.entities = entities;
	}

	// in a transaction, as Spring Data's own reads: outside one, the shared entity
	// manager's session would be closed before the load
	@Override
	@Transactional(readOnly = true)
	public Optional<ReturnOrder> findByNumber(String number) {
		return this.entities.unwrap(Session.class).bySimpleNaturalId(ReturnOrder.class).loadOptional(number);
	}

}
