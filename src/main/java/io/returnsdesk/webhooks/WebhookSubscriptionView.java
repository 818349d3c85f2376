package io.returnsdesk.webhooks;

import java.time.Instant;
import java.util.List;

/**
 * A subscription as administrators see it: never its secret.
 *
 * @param id its id
 * @param url where the events are POSTed
 * @param events the names of the events it receives
 * @param createdBy the administrator who made it
 * @param createdAt when
 */
public record WebhookSubscriptionView(long id, String url, List<String> events, String createdBy, Instant createdAt) {

}
