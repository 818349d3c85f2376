package io.returnsdesk.webhooks.internal;

/**
 * Deliveries were written in the current transaction: once it commits, the worker looks
 * at once rather than at its next poll.
 */
public record WebhookQueued() {

}
