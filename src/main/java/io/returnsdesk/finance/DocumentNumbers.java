package io.returnsdesk.finance;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Numbers of the documents finance signs ({@code JE-yyyyMMdd-NNNN} journal entries,
 * {@code CN-…} credit notes, {@code DN-…} debit notes), counted per kind and day, with no
 * number used twice and none skipped.
 * <p>
 * A document is numbered when the transaction that writes it is about to commit: the
 * kind's row stays locked from there to the commit, so a number is kept with its document
 * or given back with it, and the transactions that post at the same time wait for one
 * another only for that moment, not for everything else each of them does (a return's
 * posting job holds its stock, its history and its mail; numbered as it was posted, the
 * postings of all returns went one at a time). Numbers therefore follow the order in
 * which documents are committed.
 */
@Component
class DocumentNumbers {

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	/** The tables whose documents are numbered, each with a {@code number} column. */
	enum Document {

		JOURNAL_ENTRY("journal_entry"), NOTE("credit_note");

		private final String table;

		Document(String table) {
			this.table = table;
		}

	}

	private final JdbcTemplate jdbc;

	DocumentNumbers(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Numbers a document written in the caller's transaction when it commits, and tells
	 * the number to the caller's copy. The kinds are drawn in the same order in every
	 * transaction (by kind, then as asked), so that two transactions that draw several
	 * cannot lock each other.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void numberAtCommit(String kind, LocalDate day, Document document, long id, Consumer<String> told) {
		Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
		if (pending == null) {
			pending = new Pending();
			TransactionSynchronizationManager.bindResource(this, pending);
			TransactionSynchronizationManager.registerSynchronization(pending);
		}
		pending.documents.add(new Numbering(kind, day, document, id, told));
	}

	/** The next number of a kind on a day, within the caller's transaction. */
	private String next(String kind, LocalDate day) {
		this.jdbc.queryForObject("select kind from document_number_kind where kind = ? for update", String.class, kind);
		List<Integer> last = this.jdbc.queryForList(
				"select last_value from document_number_counter where kind = ? and counter_day = ?", Integer.class,
				kind, day);
		int next = last.isEmpty() ? 1 : last.get(0) + 1;
		if (last.isEmpty()) {
			this.jdbc.update("insert into document_number_counter (kind, counter_day, last_value) values (?, ?, 1)",
					kind, day);
		}
		else {
			this.jdbc.update("update document_number_counter set last_value = ? where kind = ? and counter_day = ?",
					next, kind, day);
		}
		return "%s-%s-%04d".formatted(kind, DAY.format(day), next);
	}

	private record Numbering(String kind, LocalDate day, Document document, long id, Consumer<String> told) {

	}

	private final class Pending implements TransactionSynchronization {

		private final List<Numbering> documents = new ArrayList<>();

		@Override
		public void beforeCommit(boolean readOnly) {
			List<Numbering> inOrder = new ArrayList<>(this.documents);
			inOrder.sort(Comparator.comparing(Numbering::kind));
			for (Numbering numbering : inOrder) {
				String number = next(numbering.kind(), numbering.day());
				// the table is one of Document's, never the caller's text
				int updated = DocumentNumbers.this.jdbc.update(
						"update " + numbering.document().table + " set number = ? where id = ? and number is null",
						number, numbering.id());
				if (updated != 1) {
					throw new IllegalStateException("Cannot number %s %d: it is not there, or numbered already"
						.formatted(numbering.document().table, numbering.id()));
				}
				numbering.told().accept(number);
			}
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(DocumentNumbers.this);
		}

	}

}
