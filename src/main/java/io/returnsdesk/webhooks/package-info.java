/**
 * Signed webhooks: the events of returns POSTed to the systems an administrator
 * subscribed, through an outbox written with the change and a worker that sends after the
 * commit.
 */
package io.returnsdesk.webhooks;
