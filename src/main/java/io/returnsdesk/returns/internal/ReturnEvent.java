package io.returnsdesk.returns.internal;

import java.time.Instant;

import io.returnsdesk.returns.ReturnStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/**
 * A step in a return's history: who moved it to which status, when, and why.
 */
@Entity
@EntityListeners(ReturnMetrics.class)
public class ReturnEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "return_id")
	private ReturnOrder returnOrder;

	@Enumerated(EnumType.STRING)
	private ReturnStatus status;

	private String actor;

	private Instant at;

	private String note;

	protected ReturnEvent() {
	}

	ReturnEvent(ReturnOrder returnOrder, ReturnStatus status, String actor, Instant at, String note) {
		this.returnOrder = returnOrder;
		this.status = status;
		this.actor = actor;
		this.at = at;
		this.note = note;
	}

	public ReturnStatus getStatus() {
		return this.status;
	}

	public String getActor() {
		return this.actor;
	}

	public Instant getAt() {
		return this.at;
	}

	public String getNote() {
		return this.note;
	}

}
