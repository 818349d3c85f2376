package io.returnsdesk.finance;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One line of a journal entry: a debit or a credit of an account, for a document.
 */
@Entity
@Table(name = "finance_posting")
public class Posting {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String reference;

	private int entryLine;

	private Account account;

	private BigDecimal debit;

	private BigDecimal credit;

	private Instant postedAt;

	protected Posting() {
	}

	Posting(String reference, int entryLine, Account account, BigDecimal debit, BigDecimal credit, Instant postedAt) {
		this.reference = reference;
		this.entryLine = entryLine;
		this.account = account;
		this.debit = debit;
		this.credit = credit;
		this.postedAt = postedAt;
	}

	public Long getId() {
		return this.id;
	}

	public String getReference() {
		return this.reference;
	}

	public int getEntryLine() {
		return this.entryLine;
	}

	public Account getAccount() {
		return this.account;
	}

	public BigDecimal getDebit() {
		return this.debit;
	}

	public BigDecimal getCredit() {
		return this.credit;
	}

	public Instant getPostedAt() {
		return this.postedAt;
	}

}
