package io.returnsdesk.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.CollectionTable;

/**
 * A posted journal entry (记账凭证): number, day, the document it books, a memo, and lines
 * whose debits equal their credits. Never changed once posted; a correction is an entry
 * that reverses it.
 */
@Entity
public class JournalEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	// written when the transaction commits (DocumentNumbers), never by the mapping
	@Column(insertable = false, updatable = false)
	private String number;

	private LocalDate entryDate;

	private String reference;

	private String eventKey;

	private String memo;

	private String storeCode;

	@Column(name = "reverses_id")
	private Long reversesId;

	private Instant postedAt;

	@ElementCollection
	@CollectionTable(name = "journal_line", joinColumns = @JoinColumn(name = "entry_id"))
	@OrderBy("lineNo")
	private List<Line> lines = new ArrayList<>();

	protected JournalEntry() {
	}

	JournalEntry(LocalDate entryDate, JournalEntryDraft draft, Long reversesId, Instant postedAt) {
		this.entryDate = entryDate;
		this.reference = draft.reference();
		this.eventKey = draft.eventKey();
		this.memo = draft.memo();
		this.storeCode = draft.storeCode();
		this.reversesId = reversesId;
		this.postedAt = postedAt;
		for (JournalLine line : draft.lines()) {
			this.lines.add(new Line(this.lines.size() + 1, line.account(), line.debit().setScale(2),
					line.credit().setScale(2)));
		}
	}

	public Long getId() {
		return this.id;
	}

	/**
	 * {@code JE-yyyyMMdd-NNNN}, gapless per day; none until the transaction that posts it
	 * commits.
	 */
	public String getNumber() {
		return this.number;
	}

	void numbered(String number) {
		this.number = number;
	}

	public LocalDate getEntryDate() {
		return this.entryDate;
	}

	/** The document it books: a return's number. */
	public String getReference() {
		return this.reference;
	}

	/** The event it books, once: the return and what happened to it. */
	public String getEventKey() {
		return this.eventKey;
	}

	public String getMemo() {
		return this.memo;
	}

	public String getStoreCode() {
		return this.storeCode;
	}

	/** The entry this one reverses, or null. */
	public Long getReversesId() {
		return this.reversesId;
	}

	public Instant getPostedAt() {
		return this.postedAt;
	}

	public List<Line> getLines() {
		return Collections.unmodifiableList(this.lines);
	}

	/** The sum of the debits, which is the sum of the credits. */
	public BigDecimal getTotal() {
		return this.lines.stream().map(Line::getDebit).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/** A line of a posted entry. */
	@Embeddable
	public static class Line {

		private int lineNo;

		private String account;

		private BigDecimal debit;

		private BigDecimal credit;

		protected Line() {
		}

		Line(int lineNo, String account, BigDecimal debit, BigDecimal credit) {
			this.lineNo = lineNo;
			this.account = account;
			this.debit = debit;
			this.credit = credit;
		}

		public int getLineNo() {
			return this.lineNo;
		}

		public String getAccount() {
			return this.account;
		}

		public BigDecimal getDebit() {
			return this.debit;
		}

		public BigDecimal getCredit() {
			return this.credit;
		}

	}

}
