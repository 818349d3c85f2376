package io.returnsdesk.returns.internal;

import java.time.Clock;

import io.returnsdesk.returns.ApprovalOverdue;
import io.returnsdesk.returns.ReturnApproved;
import io.returnsdesk.returns.ReturnRejected;
import io.returnsdesk.returns.ReturnWithdrawn;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the approver's decision and the requester's answer to a rejection, publishing
 * what happened.
 */
@Service
public class ReturnReview {

	private final ReturnOrders returns;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Exchanges exchanges;

	ReturnReview(ReturnOrders returns, ApplicationEventPublisher events, Clock clock, Exchanges exchanges) {
		this.exchanges = exchanges;
		this.returns = returns;
		this.events = events;
		this.clock = clock;
	}

	/** Approves a submitted return: {@link ReturnApproved}. */
	@Transactional
	public void approve(String number, String approver) {
		ReturnOrder order = this.returns.getByNumber(number);
		order.approve(approver, this.clock.instant());
		this.events.publishEvent(new ReturnApproved(number, order.getOrder().getNumber(), order.getRequestedBy(),
				order.getTotalAmount(), approver));
	}

	/** Rejects a submitted return with a reason: {@link ReturnRejected}. */
	@Transactional
	public void reject(String number, String approver, String reason) {
		ReturnOrder order = this.returns.getByNumber(number);
		order.reject(approver, this.clock.instant(), reason);
		this.events
			.publishEvent(new ReturnRejected(number, order.getRequestedBy(), approver, order.getRejectionReason()));
	}

	/** Puts a revised return back into approval. */
	@Transactional
	public void resubmit(String number, String actor) {
		this.returns.getByNumber(number).resubmit(actor, this.clock.instant());
	}

	/** Closes a rejected return the requester gave up: {@link ReturnWithdrawn}. */
	@Transactional
	public void withdraw(String number, String actor) {
		this.returns.getByNumber(number).withdraw(actor, this.clock.instant());
		// an exchange's replacements are free again
		this.exchanges.release(number);
		this.events.publishEvent(new ReturnWithdrawn(number, actor));
	}

	/**
	 * Tells that a return has waited too long for the approvers' decision:
	 * {@link ApprovalOverdue}.
	 */
	@Transactional
	public void remindApprovers(String number, String approverGroup) {
		ReturnOrder order = this.returns.getByNumber(number);
		this.events.publishEvent(new ApprovalOverdue(number, approverGroup, order.getRequestedBy(),
				order.getRequestedAt(), order.getTotalAmount()));
	}

}
