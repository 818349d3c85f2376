package io.returnsdesk.returns;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.returnsdesk.notification.NotificationKind;
import io.returnsdesk.notification.Notifier;
import io.returnsdesk.notification.Recipient;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the approver's decision and the requester's answer to a rejection, and tells
 * the people concerned.
 */
@Service
public class ReturnReview {

	static final String WAREHOUSE_GROUP = "warehouse";

	/** A time as the merchant reads it, on the merchant's clock. */
	private static final DateTimeFormatter MERCHANT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final ReturnOrders returns;

	private final Notifier notifier;

	private final Clock clock;

	ReturnReview(ReturnOrders returns, Notifier notifier, Clock clock) {
		this.returns = returns;
		this.notifier = notifier;
		this.clock = clock;
	}

	/** Approves a submitted return and tells the requester and the warehouse. */
	@Transactional
	public void approve(String number, String approver) {
		ReturnOrder order = find(this.returns, number);
		order.approve(approver, this.clock.instant());
		this.notifier.notify(List.of(Recipient.user(order.getRequestedBy()), Recipient.group(WAREHOUSE_GROUP)),
				NotificationKind.RETURN_APPROVED, number,
				Notifier.facts("number", number, "orderNumber", order.getOrder().getNumber(), "amount",
						ReturnOrder.money(order.getTotalAmount()), "approver", approver));
	}

	/** Rejects a submitted return with a reason and tells the requester. */
	@Transactional
	public void reject(String number, String approver, String reason) {
		ReturnOrder order = find(this.returns, number);
		order.reject(approver, this.clock.instant(), reason);
		this.notifier.notify(List.of(Recipient.user(order.getRequestedBy())), NotificationKind.RETURN_REJECTED, number,
				Notifier.facts("number", number, "approver", approver, "reason", order.getRejectionReason()));
	}

	/** Puts a revised return back into approval. */
	@Transactional
	public void resubmit(String number, String actor) {
		find(this.returns, number).resubmit(actor, this.clock.instant());
	}

	/** Closes a rejected return the requester gave up. */
	@Transactional
	public void withdraw(String number, String actor) {
		find(this.returns, number).withdraw(actor, this.clock.instant());
	}

	/** Reminds the approvers that a return has waited too long for their decision. */
	@Transactional
	public void remindApprovers(String number, String approverGroup) {
		ReturnOrder order = find(this.returns, number);
		this.notifier.notify(List.of(Recipient.group(approverGroup)), NotificationKind.APPROVAL_OVERDUE, number,
				Notifier.facts("number", number, "amount", ReturnOrder.money(order.getTotalAmount()), "requestedBy",
						order.getRequestedBy(), "requestedAt",
						MERCHANT_TIME.format(order.getRequestedAt().atZone(this.clock.getZone()))));
	}

	static ReturnOrder find(ReturnOrders returns, String number) {
		return returns.findByNumber(number).orElseThrow(() -> new ReturnNotFoundException(number));
	}

}
