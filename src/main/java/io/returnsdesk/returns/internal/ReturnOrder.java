package io.returnsdesk.returns.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.returnsdesk.returns.Resolution;
import io.returnsdesk.returns.ReturnChannel;
import io.returnsdesk.returns.ReturnReason;
import io.returnsdesk.returns.ReturnStateException;
import io.returnsdesk.returns.ReturnStatus;
import io.returnsdesk.returns.ReturnType;
import io.returnsdesk.sales.OrderType;
import io.returnsdesk.sales.TradeOrder;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import org.hibernate.annotations.NaturalId;

/**
 * A return order: goods of an original order that come back from a customer or go back to
 * a supplier. It guards its own lifecycle; each change of status is kept as an event.
 */
@Entity
public class ReturnOrder {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@NaturalId
	private String number;

	@Enumerated(EnumType.STRING)
	private ReturnType type;

	@Enumerated(EnumType.STRING)
	private ReturnStatus status;

	@Enumerated(EnumType.STRING)
	private ReturnChannel channel = ReturnChannel.DESK;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "order_id")
	private TradeOrder order;

	private String requestedBy;

	private Instant requestedAt;

	@Enumerated(EnumType.STRING)
	private ReturnReason reason;

	private String reasonDetail;

	@Enumerated(EnumType.STRING)
	private Resolution resolution;

	private String rejectionReason;

	private String confirmationNote;

	private Instant confirmedAt;

	// the warehouse, the day and the refund, once processed
	@Embedded
	private Settlement settlement = new Settlement();

	// a copy of the sum of the lines, kept by replaceContent, for sorting and listing
	private BigDecimal totalAmount;

	// kept of the refund: priced on the units asked for, then on those received
	private BigDecimal restockingFee = BigDecimal.ZERO.setScale(2);

	// the customer keeps the goods, decided when asked for and revised
	private boolean returnless;

	@OneToMany(mappedBy = "returnOrder", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("lineNo")
	private List<ReturnLine> lines = new ArrayList<>();

	@OneToMany(mappedBy = "returnOrder", cascade = CascadeType.ALL)
	@OrderBy("id")
	private List<ReturnEvent> events = new ArrayList<>();

	@Version
	private long version;

	protected ReturnOrder() {
	}

	public ReturnOrder(String number, TradeOrder order, ReturnChannel channel, String requestedBy, Instant requestedAt,
			ReturnContent content) {
		this.number = number;
		this.channel = channel;
		this.order = order;
		this.type = (order.getType() == OrderType.SALES) ? ReturnType.CUSTOMER : ReturnType.SUPPLIER;
		this.requestedBy = requestedBy;
		this.requestedAt = requestedAt;
		replaceContent(content);
		moveTo(ReturnStatus.SUBMITTED, requestedBy, requestedAt, null);
	}

	/** Replaces reason, resolution and lines of a rejected return. */
	public void revise(ReturnContent content, String actor) {
		RequesterOnly.mayRevise(this, actor);
		replaceContent(content);
	}

	private void replaceContent(ReturnContent content) {
		this.reason = content.reason();
		this.reasonDetail = content.reasonDetail();
		this.resolution = content.resolution();
		ReturnLine.rewrite(this, this.lines, content.lines());
		this.totalAmount = getTotalAmount();
	}

	void approve(String actor, Instant at) {
		require(ReturnStatus.SUBMITTED, "approved");
		moveTo(ReturnStatus.APPROVED, actor, at, null);
	}

	void reject(String actor, Instant at, String reason) {
		require(ReturnStatus.SUBMITTED, "rejected");
		this.rejectionReason = ClientText.required("rejectionReason", reason, "A rejection needs a reason");
		moveTo(ReturnStatus.REJECTED, actor, at, this.rejectionReason);
	}

	void resubmit(String actor, Instant at) {
		require(ReturnStatus.REJECTED, "resubmitted");
		moveTo(ReturnStatus.SUBMITTED, actor, at, null);
	}

	void withdraw(String actor, Instant at) {
		require(ReturnStatus.REJECTED, "withdrawn");
		moveTo(ReturnStatus.WITHDRAWN, actor, at, null);
	}

	/** The policy's restocking fee and whether the customer keeps the goods. */
	public void applyPolicy(FeeRates rates, boolean returnless) {
		this.restockingFee = rates.fee(this.lines);
		this.returnless = returnless;
	}

	/** Records what came back (nothing, if returnless), the fee, and the refund. */
	void recordProcessing(String actor, Instant at, ProcessingRecord processing, FeeRates rates) {
		require(ReturnStatus.APPROVED, "processed");
		processing.count(this.number, this.type, this.lines)
			.forEach((line, units) -> line.receive(units.received(), units.scrapped()));
		this.totalAmount = getTotalAmount();
		this.restockingFee = rates.fee(this.lines);
		BigDecimal refund = RefundWithinReceivedValue.settled(processing.refundAmount(), this.totalAmount,
				this.restockingFee, this.resolution, getPriceDifference());
		this.settlement = new Settlement(processing, refund);
		this.confirmationNote = null;
		moveTo(ReturnStatus.PROCESSED, actor, at, null);
	}

	void reopenProcessing(String actor, Instant at, String note) {
		require(ReturnStatus.PROCESSED, "sent back to processing");
		this.confirmationNote = ClientText.required("confirmationNote", note,
				"Sending a return back to processing needs a note");
		moveTo(ReturnStatus.APPROVED, actor, at, this.confirmationNote);
	}

	/** Marks it confirmed; confirming a confirmed return changes nothing. */
	void confirm(String actor, Instant at) {
		if (this.status == ReturnStatus.CONFIRMED) {
			return;
		}
		require(ReturnStatus.PROCESSED, "confirmed");
		this.confirmedAt = at;
		moveTo(ReturnStatus.CONFIRMED, actor, at, null);
	}

	private void require(ReturnStatus expected, String action) {
		if (this.status != expected) {
			throw new ReturnStateException(this.number, this.status, action);
		}
	}

	private void moveTo(ReturnStatus status, String actor, Instant at, String note) {
		this.status = status;
		this.events.add(new ReturnEvent(this, status, actor, at, note));
	}

	/** The value of the units the return holds, at the original order's prices. */
	public BigDecimal getTotalAmount() {
		return this.lines.stream().map(ReturnLine::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/**
	 * What an exchange's replacements cost more (positive) or less (negative) than the
	 * units returned; zero for a refund.
	 */
	public BigDecimal getPriceDifference() {
		return this.lines.stream()
			.map(ReturnLine::getPriceDifference)
			.reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
	}

	public Long getId() {
		return this.id;
	}

	public String getNumber() {
		return this.number;
	}

	public ReturnType getType() {
		return this.type;
	}

	public ReturnStatus getStatus() {
		return this.status;
	}

	public ReturnChannel getChannel() {
		return this.channel;
	}

	public TradeOrder getOrder() {
		return this.order;
	}

	public String getRequestedBy() {
		return this.requestedBy;
	}

	public Instant getRequestedAt() {
		return this.requestedAt;
	}

	public ReturnReason getReason() {
		return this.reason;
	}

	public String getReasonDetail() {
		return this.reasonDetail;
	}

	public Resolution getResolution() {
		return this.resolution;
	}

	/** What the merchant keeps of the refund as a restocking fee; zero without one. */
	public BigDecimal getRestockingFee() {
		return this.restockingFee;
	}

	/** The customer keeps the goods: nothing comes back, the units stay returned. */
	public boolean isReturnless() {
		return this.returnless;
	}

	public String getRejectionReason() {
		return this.rejectionReason;
	}

	public String getConfirmationNote() {
		return this.confirmationNote;
	}

	public Instant getConfirmedAt() {
		return this.confirmedAt;
	}

	/**
	 * How it was settled; empty until processed (Hibernate loads all-null columns as
	 * null).
	 */
	public Settlement getSettlement() {
		return (this.settlement != null) ? this.settlement : new Settlement();
	}

	public List<ReturnLine> getLines() {
		return Collections.unmodifiableList(this.lines);
	}

	public List<ReturnEvent> getEvents() {
		return Collections.unmodifiableList(this.events);
	}

}
