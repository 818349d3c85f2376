package io.returnsdesk.finance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts balanced journal entries, once per document.
 */
@Service
public class GeneralLedger {

	private final Postings postings;

	private final Clock clock;

	GeneralLedger(Postings postings, Clock clock) {
		this.postings = postings;
		this.clock = clock;
	}

	/**
	 * Posts the entry of a document unless that document already has one, so a retried
	 * step posts nothing twice. Lines of zero are left out; debits must equal credits.
	 */
	@Transactional
	public void post(String reference, List<JournalLine> lines) {
		List<JournalLine> entry = lines.stream().filter((line) -> !line.isEmpty()).toList();
		BigDecimal debits = sum(entry, JournalLine::debit);
		BigDecimal credits = sum(entry, JournalLine::credit);
		if (debits.compareTo(credits) != 0) {
			throw new UnbalancedEntryException(reference, debits, credits);
		}
		if (this.postings.existsByReference(reference)) {
			return;
		}
		Instant now = this.clock.instant();
		for (int i = 0; i < entry.size(); i++) {
			JournalLine line = entry.get(i);
			this.postings.save(new Posting(reference, i + 1, line.account(), line.debit(), line.credit(), now));
		}
	}

	/** The postings of a document, or all postings when the reference is null. */
	@Transactional(readOnly = true)
	public List<Posting> postings(String reference) {
		return (reference != null) ? this.postings.findByReferenceOrderByEntryLine(reference)
				: this.postings.findAllByOrderByPostedAtAscReferenceAscEntryLineAsc();
	}

	private static BigDecimal sum(List<JournalLine> lines, Function<JournalLine, BigDecimal> side) {
		return lines.stream().map(side).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
