package io.returnsdesk.notification;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.returnsdesk.reporting.ReturnRatesReviewed;
import io.returnsdesk.returns.ApprovalOverdue;
import io.returnsdesk.returns.ProcessingReopened;
import io.returnsdesk.returns.ReceivedUnits;
import io.returnsdesk.returns.ReplacementShipped;
import io.returnsdesk.returns.ReturnApproved;
import io.returnsdesk.returns.ReturnChannel;
import io.returnsdesk.returns.ReturnConfirmed;
import io.returnsdesk.returns.ReturnQueries;
import io.returnsdesk.returns.ReturnRejected;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the people concerned what happened to a return, and the managers what the
 * analysts decided about return rates. Each listener runs in the transaction that
 * publishes the event: the notification and its mails are queued with the step, or not at
 * all when the step rolls back, and the outbox's relay sends them after the commit.
 */
@Component
class ReturnNotifications {

	static final String WAREHOUSE = "warehouse";

	static final String SALES = "sales";

	static final String MANAGERS = "managers";

	/** A time as the merchant reads it, on the merchant's clock. */
	private static final DateTimeFormatter MERCHANT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Notifier notifier;

	private final ReturnQueries returns;

	private final Clock clock;

	ReturnNotifications(Notifier notifier, ReturnQueries returns, Clock clock) {
		this.notifier = notifier;
		this.returns = returns;
		this.clock = clock;
	}

	@EventListener
	void on(ReturnApproved approved) {
		this.notifier.notify(recipients(approved.requestedBy(), Recipient.group(WAREHOUSE)),
				NotificationKind.RETURN_APPROVED, approved.number(), storeOf(approved.number()),
				Notifier.facts("number", approved.number(), "orderNumber", approved.orderNumber(), "amount",
						money(approved.amount()), "approver", approved.approver()));
	}

	@EventListener
	void on(ReturnRejected rejected) {
		this.notifier.notify(ReturnChannel.isCustomerRequester(rejected.requestedBy())
				// a customer's rejected return waits for a clerk of its store to revise
				// or withdraw it for them
				? List.of(Recipient.group(SALES)) : recipients(rejected.requestedBy()),
				NotificationKind.RETURN_REJECTED, rejected.number(), storeOf(rejected.number()), Notifier
					.facts("number", rejected.number(), "approver", rejected.approver(), "reason", rejected.reason()));
	}

	@EventListener
	void on(ApprovalOverdue overdue) {
		this.notifier.notify(List.of(Recipient.group(overdue.approverGroup())), NotificationKind.APPROVAL_OVERDUE,
				overdue.number(), storeOf(overdue.number()),
				Notifier.facts("number", overdue.number(), "amount", money(overdue.amount()), "requestedBy",
						overdue.requestedBy(), "requestedAt",
						MERCHANT_TIME.format(overdue.requestedAt().atZone(this.clock.getZone()))));
	}

	@EventListener
	void on(ProcessingReopened reopened) {
		Map<String, Object> facts = Notifier.facts("number", reopened.number(), "actor", reopened.actor(), "note",
				reopened.note());
		facts.putAll(facts(reopened.units()));
		this.notifier.notify(List.of(Recipient.group(WAREHOUSE)), NotificationKind.PROCESSING_REOPENED,
				reopened.number(), storeOf(reopened.number()), facts);
	}

	@EventListener
	void on(ReturnConfirmed confirmed) {
		Map<String, Object> facts = Notifier.facts("number", confirmed.number(), "actor", confirmed.actor(),
				"refundAmount", money(confirmed.refundAmount()), "refundMethod", confirmed.refundMethod().name());
		facts.putAll(facts(confirmed.units()));
		this.notifier.notify(recipients(confirmed.requestedBy(), Recipient.group(WAREHOUSE)),
				NotificationKind.RETURN_CONFIRMED, confirmed.number(), confirmed.storeCode(), facts);
	}

	@EventListener
	void on(ReplacementShipped shipped) {
		this.notifier.notify(recipients(shipped.requestedBy()), NotificationKind.REPLACEMENT_SHIPPED, shipped.number(),
				storeOf(shipped.number()), Notifier.facts("number", shipped.number(), "orderNumber",
						shipped.orderNumber(), "warehouse", shipped.warehouseCode()));
	}

	@EventListener
	void on(ReturnRatesReviewed reviewed) {
		List<Map<String, Object>> reviews = reviewed.reviews()
			.stream()
			.map((review) -> Notifier.facts("kind", review.subjectKind(), "key", review.subjectKey(), "label",
					review.subjectLabel(), "returned", review.returned(), "shipped", review.shipped(), "rate",
					review.returnRate().movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString(), "action",
					(review.action() != null) ? review.action().name() : null, "note", review.note()))
			.toList();
		this.notifier.notify(List.of(Recipient.group(MANAGERS)), NotificationKind.RETURN_RATE_REVIEWED,
				"REVIEW-" + reviewed.day(), Notifier.facts("reviews", reviews));
	}

	/**
	 * What came back, as facts that each language's template words itself ("2 of 3
	 * received, 1 written off" or "handed to the supplier"): the kind of return, the
	 * units asked for, received and written off, and the day as {@code yyyy-MM-dd}.
	 */
	private static Map<String, Object> facts(ReceivedUnits units) {
		return Notifier.facts("type", units.type().name(), "unitsAsked", units.asked(), "unitsReceived",
				units.received(), "unitsWrittenOff", units.writtenOff(), "returnedOn",
				(units.returnedOn() != null) ? units.returnedOn().toString() : null);
	}

	/**
	 * The requester and the others: a customer who asked on the public page is no user of
	 * the desk and is told nothing here (they follow the return on that page); when the
	 * requester is the only recipient, nobody is notified.
	 */
	private static List<Recipient> recipients(String requestedBy, Recipient... others) {
		List<Recipient> recipients = new ArrayList<>();
		if (!ReturnChannel.isCustomerRequester(requestedBy)) {
			recipients.add(Recipient.user(requestedBy));
		}
		recipients.addAll(List.of(others));
		return recipients;
	}

	/** The store of the return the news is about, which only its users read. */
	private String storeOf(String number) {
		return this.returns.storeOf(number).orElse(null);
	}

	private static String money(BigDecimal amount) {
		return String.format("%,.2f", amount);
	}

}
