package io.returnsdesk.webhooks.internal;

import java.time.Instant;
import java.util.List;

import io.returnsdesk.webhooks.DeliveryState;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The outbox of deliveries. */
public interface WebhookDeliveries extends JpaRepository<WebhookDelivery, Long> {

	/**
	 * Claims due pending deliveries, oldest first, locking them until the transaction
	 * ends; rows another worker holds are skipped, so two workers never claim the same
	 * one. H2 takes the same clause.
	 */
	@Query(value = """
			select * from webhook_delivery where state = 'PENDING' and next_attempt_at <= :now
			order by next_attempt_at, id fetch first :limit rows only for update skip locked""", nativeQuery = true)
	List<WebhookDelivery> claimDue(@Param("now") Instant now, @Param("limit") int limit);

	Page<WebhookDelivery> findByState(DeliveryState state, Pageable pageable);

	List<WebhookDelivery> findBySubscriptionIdAndState(long subscriptionId, DeliveryState state);

	List<WebhookDelivery> findByReturnNumberOrderById(String returnNumber);

}
