package io.returnsdesk.reporting.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import io.returnsdesk.reporting.ReturnRateRow;
import io.returnsdesk.reporting.ReviewAction;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * A return rate above the threshold, for a product or a store, waiting for or carrying an
 * analyst's decision.
 */
@Entity
public class ReturnRateReview {

	/** What the rate is of. */
	public enum Subject {

		PRODUCT, STORE

	}

	/** Whether the analyst has decided. */
	public enum Status {

		OPEN, DONE

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	private Subject subjectKind;

	private String subjectKey;

	private String subjectLabel;

	private LocalDate periodFrom;

	private LocalDate periodTo;

	private long shipped;

	private long returned;

	private BigDecimal returnRate;

	private BigDecimal threshold;

	@Enumerated(EnumType.STRING)
	private Status status = Status.OPEN;

	@Enumerated(EnumType.STRING)
	private ReviewAction action;

	private String note;

	private String reviewedBy;

	private Instant createdAt;

	private Instant reviewedAt;

	protected ReturnRateReview() {
	}

	ReturnRateReview(Subject subject, ReturnRateRow row, LocalDate from, LocalDate to, BigDecimal threshold,
			Instant createdAt) {
		this.subjectKind = subject;
		this.subjectKey = row.key();
		this.subjectLabel = row.label();
		this.periodFrom = from;
		this.periodTo = to;
		this.shipped = row.shippedQuantity();
		this.returned = row.returnedQuantity();
		this.returnRate = row.returnRate();
		this.threshold = threshold;
		this.createdAt = createdAt;
	}

	void decide(ReviewAction action, String note, String reviewer, Instant at) {
		if (this.status != Status.OPEN) {
			throw new IllegalStateException("Review " + this.id + " is already decided");
		}
		if (action == null) {
			throw new IllegalArgumentException("Choose an action for the review");
		}
		if (note == null || note.isBlank()) {
			throw new IllegalArgumentException("A review needs a note");
		}
		this.action = action;
		this.note = note.strip();
		this.reviewedBy = reviewer;
		this.reviewedAt = at;
		this.status = Status.DONE;
	}

	public Long getId() {
		return this.id;
	}

	public Subject getSubjectKind() {
		return this.subjectKind;
	}

	public String getSubjectKey() {
		return this.subjectKey;
	}

	public String getSubjectLabel() {
		return this.subjectLabel;
	}

	public LocalDate getPeriodFrom() {
		return this.periodFrom;
	}

	public LocalDate getPeriodTo() {
		return this.periodTo;
	}

	public long getShipped() {
		return this.shipped;
	}

	public long getReturned() {
		return this.returned;
	}

	public BigDecimal getReturnRate() {
		return this.returnRate;
	}

	public BigDecimal getThreshold() {
		return this.threshold;
	}

	public Status getStatus() {
		return this.status;
	}

	public ReviewAction getAction() {
		return this.action;
	}

	public String getNote() {
		return this.note;
	}

	public String getReviewedBy() {
		return this.reviewedBy;
	}

}
