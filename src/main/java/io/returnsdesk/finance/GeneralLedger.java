package io.returnsdesk.finance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.returnsdesk.catalog.StoreScope;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The journal: posts balanced entries to accounts of the chart, once per event, numbered
 * without gaps; reverses them; and reads them back, as entries and as a trial balance.
 */
@Service
public class GeneralLedger {

	/** Before any entry. */
	public static final LocalDate FIRST = LocalDate.of(1900, 1, 1);

	/** After any entry. */
	public static final LocalDate LAST = LocalDate.of(9999, 12, 31);

	private final JournalEntries entries;

	private final ChartOfAccounts chart;

	private final DocumentNumbers numbers;

	private final Clock clock;

	GeneralLedger(JournalEntries entries, ChartOfAccounts chart, DocumentNumbers numbers, Clock clock) {
		this.entries = entries;
		this.chart = chart;
		this.numbers = numbers;
		this.clock = clock;
	}

	/**
	 * Posts the entry of an event unless the event has one, so a retried step posts
	 * nothing twice; answers the event's entry. Lines of zero are left out; debits must
	 * equal credits, and every account must be in the chart, or nothing is posted.
	 */
	@Transactional
	public JournalEntry post(JournalEntryDraft draft) {
		var posted = this.entries.findByEventKey(draft.eventKey());
		if (posted.isPresent()) {
			return posted.get();
		}
		List<JournalLine> lines = draft.lines().stream().filter((line) -> !line.isEmpty()).toList();
		BigDecimal debits = sum(lines, JournalLine::debit);
		BigDecimal credits = sum(lines, JournalLine::credit);
		if (debits.compareTo(credits) != 0) {
			throw new UnbalancedEntryException(draft.reference(), debits, credits);
		}
		// the entry's accounts looked up together, in one statement
		Set<String> charted = this.chart.findAllById(lines.stream().map(JournalLine::account).distinct().toList())
			.stream()
			.map(ChartAccount::getCode)
			.collect(Collectors.toSet());
		lines.stream()
			.map(JournalLine::account)
			.filter((code) -> !charted.contains(code))
			.findFirst()
			.ifPresent((code) -> {
				throw new UnknownAccountException(code, draft.reference());
			});
		return save(new JournalEntryDraft(draft.eventKey(), draft.reference(), draft.memo(), draft.storeCode(), lines),
				null);
	}

	/**
	 * Posts the entry that reverses a posted one (its debits as credits and its credits
	 * as debits), once; answers it.
	 */
	@Transactional
	public JournalEntry reverse(String entryNumber, String memo) {
		JournalEntry entry = this.entries.findByNumber(entryNumber)
			.orElseThrow(() -> new IllegalArgumentException("There is no journal entry " + entryNumber));
		String eventKey = "REV:" + entryNumber;
		var posted = this.entries.findByEventKey(eventKey);
		if (posted.isPresent()) {
			return posted.get();
		}
		List<JournalLine> lines = entry.getLines()
			.stream()
			.map((line) -> new JournalLine(line.getAccount(), line.getDebit(), line.getCredit()).reversed())
			.toList();
		return save(new JournalEntryDraft(eventKey, entry.getReference(), memo, entry.getStoreCode(), lines),
				entry.getId());
	}

	private JournalEntry save(JournalEntryDraft draft, Long reverses) {
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, this.clock.getZone());
		JournalEntry entry = this.entries.save(new JournalEntry(today, draft, reverses, now));
		this.numbers.numberAtCommit("JE", today, DocumentNumbers.Document.JOURNAL_ENTRY, entry.getId(),
				entry::numbered);
		return entry;
	}

	/** The entries of a document, or of every document when the reference is null. */
	@Transactional(readOnly = true)
	public List<JournalEntry> entries(String reference) {
		return entries(reference, StoreScope.everyStore());
	}

	/**
	 * The entries of the stores of a document, or of every document of the stores when
	 * the reference is null.
	 */
	@Transactional(readOnly = true)
	public List<JournalEntry> entries(String reference, StoreScope scope) {
		return (reference != null) ? this.entries.findByReference(reference, scope.isEveryStore(), scope.queryStores())
				: entries(FIRST, LAST, scope);
	}

	/** The entries dated within the days, oldest first. */
	@Transactional(readOnly = true)
	public List<JournalEntry> entries(LocalDate from, LocalDate to) {
		return entries(from, to, StoreScope.everyStore());
	}

	/** The entries of the stores dated within the days, oldest first. */
	@Transactional(readOnly = true)
	public List<JournalEntry> entries(LocalDate from, LocalDate to, StoreScope scope) {
		return this.entries.findDated(from, to, scope.isEveryStore(), scope.queryStores());
	}

	/**
	 * The trial balance of the entries dated within the days: per account of the chart
	 * that was posted to, its debits, its credits and the balance (debits less credits);
	 * the debits of all accounts equal their credits.
	 */
	@Transactional(readOnly = true)
	public List<AccountBalance> trialBalance(LocalDate from, LocalDate to) {
		return trialBalance(from, to, StoreScope.everyStore());
	}

	/**
	 * The trial balance of the entries of the stores: each entry balances, so theirs do
	 * too.
	 */
	@Transactional(readOnly = true)
	public List<AccountBalance> trialBalance(LocalDate from, LocalDate to, StoreScope scope) {
		Map<String, ChartAccount> accounts = this.chart.findAllByOrderByCode()
			.stream()
			.collect(Collectors.toMap(ChartAccount::getCode, Function.identity()));
		return this.entries.totalsByAccount(from, to, scope.isEveryStore(), scope.queryStores())
			.stream()
			.map((totals) -> new AccountBalance(accounts.get(totals.account()), totals.debit(), totals.credit()))
			.sorted(Comparator.comparing((AccountBalance balance) -> balance.account().getCode()))
			.toList();
	}

	/** The chart of accounts. */
	@Transactional(readOnly = true)
	public List<ChartAccount> chart() {
		return this.chart.findAllByOrderByCode();
	}

	private static <T> BigDecimal sum(List<T> lines, Function<T, BigDecimal> side) {
		return lines.stream().map(side).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
