package io.returnsdesk.webhooks;

import java.time.Instant;
import java.util.UUID;

import org.springframework.lang.Nullable;

/**
 * The delivery of one event to one subscriber, as administrators see it.
 *
 * @param id the delivery's id, to redeliver it
 * @param subscriptionId the subscription
 * @param url where it goes
 * @param eventId the event's id, the same on every try ({@code X-Returns-Delivery})
 * @param type the event's name
 * @param returnNumber the return it tells of
 * @param occurredAt when the event happened
 * @param state where it stands
 * @param attempts the tries so far (since the last redelivery), the one that succeeded
 * included
 * @param nextAttemptAt while pending, when it is due (while being sent, when its lease
 * runs out); null once delivered or dead
 * @param lastStatus the HTTP status of the last try, when one was answered
 * @param lastError why the last try failed, when one did
 * @param createdAt when it was written
 * @param deliveredAt when the subscriber answered 2xx
 */
public record WebhookDeliveryView(long id, long subscriptionId, String url, UUID eventId, String type,
		String returnNumber, Instant occurredAt, DeliveryState state, int attempts, @Nullable Instant nextAttemptAt,
		@Nullable Integer lastStatus, @Nullable String lastError, Instant createdAt, @Nullable Instant deliveredAt) {

}
