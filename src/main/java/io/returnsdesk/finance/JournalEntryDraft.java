package io.returnsdesk.finance;

import java.util.List;

/**
 * An entry to post: the event it books (posted once, however often it is asked), the
 * document, a memo, the store, and its lines.
 *
 * @param eventKey the event, such as {@code RT-20261207-0001:RETURN}
 * @param reference the document it books, a return's number
 * @param memo what it books, as finance reads it
 * @param storeCode the store of the document, or null
 * @param lines debits and credits; lines of zero are left out
 */
public record JournalEntryDraft(String eventKey, String reference, String memo, String storeCode,
		List<JournalLine> lines) {

}
