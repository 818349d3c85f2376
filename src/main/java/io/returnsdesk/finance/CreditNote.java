package io.returnsdesk.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;

/**
 * A credit note (红字, {@code CN-…}) to a customer or a debit note ({@code DN-…}) to a
 * supplier for a confirmed return: its lines with net, rate, tax and gross, and their
 * totals. Issued once, never changed.
 */
@Entity
public class CreditNote {

	/** To a customer, or to a supplier. */
	public enum Kind {

		/** A customer's refund: {@code CN-…}. */
		CREDIT("CN"),

		/** What a supplier owes for goods sent back: {@code DN-…}. */
		DEBIT("DN");

		private final String prefix;

		Kind(String prefix) {
			this.prefix = prefix;
		}

		public String prefix() {
			return this.prefix;
		}

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	// written when the transaction commits (DocumentNumbers), never by the mapping
	@Column(insertable = false, updatable = false)
	private String number;

	@Enumerated(EnumType.STRING)
	private Kind kind;

	private String returnNumber;

	private LocalDate issuedOn;

	private String orderNumber;

	private String partyCode;

	private String partyName;

	private String storeCode;

	private String refundMethod;

	private BigDecimal net;

	private BigDecimal tax;

	private BigDecimal gross;

	private BigDecimal restockingFee = BigDecimal.ZERO.setScale(2);

	private Instant issuedAt;

	@ElementCollection
	@CollectionTable(name = "credit_note_line", joinColumns = @JoinColumn(name = "note_id"))
	@OrderBy("lineNo")
	private List<Line> lines = new ArrayList<>();

	protected CreditNote() {
	}

	CreditNote(LocalDate issuedOn, Instant issuedAt, NoteDraft draft) {
		this.kind = draft.kind();
		this.returnNumber = draft.returnNumber();
		this.issuedOn = issuedOn;
		this.orderNumber = draft.orderNumber();
		this.partyCode = draft.partyCode();
		this.partyName = draft.partyName();
		this.storeCode = draft.storeCode();
		this.refundMethod = draft.refundMethod();
		this.issuedAt = issuedAt;
		for (NoteDraft.Line line : draft.lines()) {
			this.lines.add(new Line(this.lines.size() + 1, line));
		}
		this.net = this.lines.stream().map(Line::getNet).reduce(BigDecimal.ZERO, BigDecimal::add);
		this.tax = this.lines.stream().map(Line::getTax).reduce(BigDecimal.ZERO, BigDecimal::add);
		this.gross = this.lines.stream().map(Line::getGross).reduce(BigDecimal.ZERO, BigDecimal::add);
		this.restockingFee = draft.restockingFee().setScale(2);
	}

	public Long getId() {
		return this.id;
	}

	/**
	 * {@code CN-yyyyMMdd-NNNN} or {@code DN-…}; none until the issuing transaction
	 * commits.
	 */
	public String getNumber() {
		return this.number;
	}

	void numbered(String number) {
		this.number = number;
	}

	public Kind getKind() {
		return this.kind;
	}

	public String getReturnNumber() {
		return this.returnNumber;
	}

	public LocalDate getIssuedOn() {
		return this.issuedOn;
	}

	public String getOrderNumber() {
		return this.orderNumber;
	}

	public String getPartyCode() {
		return this.partyCode;
	}

	public String getPartyName() {
		return this.partyName;
	}

	public String getStoreCode() {
		return this.storeCode;
	}

	public String getRefundMethod() {
		return this.refundMethod;
	}

	/** The lines' net amounts summed. */
	public BigDecimal getNet() {
		return this.net;
	}

	/** The lines' tax summed. */
	public BigDecimal getTax() {
		return this.tax;
	}

	/**
	 * The lines' gross amounts summed: the sales taken back, or what the supplier owes.
	 */
	public BigDecimal getGross() {
		return this.gross;
	}

	/** What the merchant keeps of the gross as a restocking fee; zero without one. */
	public BigDecimal getRestockingFee() {
		return this.restockingFee;
	}

	/** What the customer gets back: the gross less the restocking fee. */
	public BigDecimal getPaid() {
		return this.gross.subtract(this.restockingFee);
	}

	public Instant getIssuedAt() {
		return this.issuedAt;
	}

	public List<Line> getLines() {
		return Collections.unmodifiableList(this.lines);
	}

	/** A line of a note: units of a product, and the amount credited for them. */
	@Embeddable
	public static class Line {

		private int lineNo;

		private String sku;

		private String name;

		private int quantity;

		private BigDecimal unitPrice;

		private BigDecimal vatRate;

		private BigDecimal net;

		private BigDecimal tax;

		private BigDecimal gross;

		protected Line() {
		}

		Line(int lineNo, NoteDraft.Line line) {
			this.lineNo = lineNo;
			this.sku = line.sku();
			this.name = line.name();
			this.quantity = line.quantity();
			this.unitPrice = line.unitPrice();
			this.vatRate = line.vatRate();
			this.gross = line.gross().setScale(2);
			this.net = line.net();
			this.tax = line.tax();
		}

		public int getLineNo() {
			return this.lineNo;
		}

		public String getSku() {
			return this.sku;
		}

		public String getName() {
			return this.name;
		}

		public int getQuantity() {
			return this.quantity;
		}

		public BigDecimal getUnitPrice() {
			return this.unitPrice;
		}

		public BigDecimal getVatRate() {
			return this.vatRate;
		}

		public BigDecimal getNet() {
			return this.net;
		}

		public BigDecimal getTax() {
			return this.tax;
		}

		public BigDecimal getGross() {
			return this.gross;
		}

	}

}
