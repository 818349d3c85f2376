package io.returnsdesk.finance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.returnsdesk.catalog.StoreScope;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues the credit note of a customer's return or the debit note of a supplier return,
 * once per return, numbered without gaps per kind and day; and finds it again.
 */
@Service
public class Notes {

	private final CreditNotes notes;

	private final DocumentNumbers numbers;

	private final Clock clock;

	Notes(CreditNotes notes, DocumentNumbers numbers, Clock clock) {
		this.notes = notes;
		this.numbers = numbers;
		this.clock = clock;
	}

	/** Issues the return's note unless it has one; answers the return's note. */
	@Transactional
	public CreditNote issue(NoteDraft draft) {
		Optional<CreditNote> issued = this.notes.findByReturnNumber(draft.returnNumber());
		if (issued.isPresent()) {
			return issued.get();
		}
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, this.clock.getZone());
		CreditNote note = this.notes.save(new CreditNote(today, now, draft));
		this.numbers.numberAtCommit(draft.kind().prefix(), today, DocumentNumbers.Document.NOTE, note.getId(),
				note::numbered);
		return note;
	}

	/** The notes issued within the days, oldest first. */
	@Transactional(readOnly = true)
	public List<CreditNote> issued(LocalDate from, LocalDate to) {
		return issued(from, to, StoreScope.everyStore());
	}

	/** The notes of the stores' returns issued within the days, oldest first. */
	@Transactional(readOnly = true)
	public List<CreditNote> issued(LocalDate from, LocalDate to, StoreScope scope) {
		return this.notes.findIssued(from, to, scope.isEveryStore(), scope.queryStores());
	}

	/** The note of a return, once it is confirmed. */
	@Transactional(readOnly = true)
	public Optional<CreditNote> of(String returnNumber) {
		return this.notes.findByReturnNumber(returnNumber);
	}

}
