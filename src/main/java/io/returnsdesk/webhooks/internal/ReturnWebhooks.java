package io.returnsdesk.webhooks.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.returnsdesk.returns.RefundMethod;
import io.returnsdesk.returns.ReturnApproved;
import io.returnsdesk.returns.ReturnConfirmed;
import io.returnsdesk.returns.ReturnProcessed;
import io.returnsdesk.returns.ReturnQueries;
import io.returnsdesk.returns.ReturnRejected;
import io.returnsdesk.returns.ReturnRevised;
import io.returnsdesk.returns.ReturnSubmitted;
import io.returnsdesk.returns.ReturnView;
import io.returnsdesk.webhooks.WebhookEvent;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes each event of returns to the webhooks' outbox, one delivery per subscriber that
 * receives it. The listeners run in the transaction that publishes the event: the
 * deliveries are written with the change, or not at all when it rolls back, and the
 * worker sends them after the commit.
 */
@Component
class ReturnWebhooks {

	private final WebhookSubscriptions subscriptions;

	private final WebhookDeliveries deliveries;

	private final ReturnQueries returns;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ReturnWebhooks(WebhookSubscriptions subscriptions, WebhookDeliveries deliveries, ReturnQueries returns,
			ApplicationEventPublisher events, Clock clock) {
		this.subscriptions = subscriptions;
		this.deliveries = deliveries;
		this.returns = returns;
		this.events = events;
		this.clock = clock;
	}

	@EventListener
	void on(ReturnSubmitted submitted) {
		queue(WebhookEvent.RETURN_SUBMITTED, submitted.returnNumber(), null, null, null);
	}

	@EventListener
	void on(ReturnRevised revised) {
		// resubmitted after a rejection: it waits for approval again
		if (revised.resubmit()) {
			queue(WebhookEvent.RETURN_SUBMITTED, revised.returnNumber(), null, null, null);
		}
	}

	@EventListener
	void on(ReturnApproved approved) {
		queue(WebhookEvent.RETURN_APPROVED, approved.number(), null, null, null);
	}

	@EventListener
	void on(ReturnRejected rejected) {
		queue(WebhookEvent.RETURN_REJECTED, rejected.number(), null, null, rejected.reason());
	}

	@EventListener
	void on(ReturnProcessed processed) {
		queue(WebhookEvent.RETURN_PROCESSED, processed.number(), processed.refundMethod(), processed.refundAmount(),
				null);
	}

	@EventListener
	void on(ReturnConfirmed confirmed) {
		queue(WebhookEvent.RETURN_CONFIRMED, confirmed.number(), confirmed.refundMethod(), confirmed.refundAmount(),
				null);
	}

	private void queue(WebhookEvent type, String number, RefundMethod refundMethod, BigDecimal refundAmount,
			String rejectionReason) {
		List<WebhookSubscription> receivers = this.subscriptions.findByActiveTrueOrderById()
			.stream()
			.filter((subscription) -> subscription.receives(type))
			.toList();
		if (receivers.isEmpty()) {
			return;
		}
		ReturnView view = this.returns.get(number);
		UUID id = UUID.randomUUID();
		// as the body says it, to the millisecond
		Instant at = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		String body = WebhookBody.of(id, type, at, view, refundMethod, refundAmount, rejectionReason);
		for (WebhookSubscription subscription : receivers) {
			this.deliveries.save(new WebhookDelivery(subscription.getId(), id, type.code(), number, at, body));
		}
		this.events.publishEvent(new WebhookQueued());
	}

}
