package io.returnsdesk.webhooks.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** The subscriptions. */
public interface WebhookSubscriptions extends JpaRepository<WebhookSubscription, Long> {

	List<WebhookSubscription> findByActiveTrueOrderById();

}
