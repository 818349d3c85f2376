package io.returnsdesk.webhooks.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The subscriptions. */
public interface WebhookSubscriptions extends JpaRepository<WebhookSubscription, Long> {

	// JPQL, not derived from the name: Hibernate keeps the plan of a query string, but
	// translates a derived (criteria) query anew on every call, and this one runs with
	// every event of every return
	@Query("select s from WebhookSubscription s where s.active = true order by s.id")
	List<WebhookSubscription> findByActiveTrueOrderById();

}
