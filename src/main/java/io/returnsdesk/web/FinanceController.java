package io.returnsdesk.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.returnsdesk.catalog.StoreScope;
import io.returnsdesk.finance.ChartAccount;
import io.returnsdesk.finance.GeneralLedger;
import io.returnsdesk.finance.InventoryReconciliation;
import io.returnsdesk.finance.JournalEntry;
import io.returnsdesk.finance.Notes;
import io.returnsdesk.inventory.MovementKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The books: the journal's lines of a return, the journal by day, the notes, the trial
 * balance and the reconciliation of inventory at cost; for finance and the analysts, of
 * their stores' returns (a return of another store is one there is not).
 */
@RestController
@Tag(name = "Finance")
@RequestMapping("/api/finance")
class FinanceController {

	/** The longest period a read of the journal covers. */
	static final int MAX_DAYS = 3 * 366;

	private final GeneralLedger ledger;

	private final InventoryReconciliation reconciliation;

	private final Notes notes;

	private final Clock clock;

	FinanceController(GeneralLedger ledger, InventoryReconciliation reconciliation, Notes notes, Clock clock) {
		this.ledger = ledger;
		this.reconciliation = reconciliation;
		this.notes = notes;
		this.clock = clock;
	}

	@Operation(summary = "Journal lines posted for returns, with their entry's number and the account's name")
	@GetMapping("/postings")
	List<PostingRow> postings(@RequestParam(required = false) String returnNumber, StoreScope scope) {
		Map<String, ChartAccount> accounts = chart();
		return this.ledger.entries(StockController.blankToNull(returnNumber), scope)
			.stream()
			.flatMap((entry) -> entry.getLines()
				.stream()
				.map((line) -> new PostingRow(entry.getReference(), line.getLineNo(), line.getAccount(),
						accounts.get(line.getAccount()).getName(), line.getDebit(), line.getCredit(),
						entry.getPostedAt(), entry.getNumber(), entry.getEntryDate())))
			.toList();
	}

	@Operation(summary = "The journal: entries dated within the period (default the last 30 days), oldest first")
	@GetMapping("/entries")
	List<EntryView> entries(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			StoreScope scope) {
		DayPeriod period = DayPeriod.of(from, to, 30, MAX_DAYS, this.clock);
		Map<String, ChartAccount> accounts = chart();
		return this.ledger.entries(period.first(), period.last(), scope)
			.stream()
			.map((entry) -> EntryView.of(entry, accounts))
			.toList();
	}

	@Operation(summary = "The credit and debit notes issued within the period (default the last 30 days), oldest "
			+ "first; each printable at /api/returns/{number}/credit-note")
	@GetMapping("/notes")
	List<CreditNoteController.NoteView> notes(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to, StoreScope scope) {
		DayPeriod period = DayPeriod.of(from, to, 30, MAX_DAYS, this.clock);
		return this.notes.issued(period.first(), period.last(), scope)
			.stream()
			.map(CreditNoteController.NoteView::of)
			.toList();
	}

	@Operation(summary = "Trial balance of the entries dated within the period (default this month to date): "
			+ "debits, credits and balance per account; the debits equal the credits")
	@GetMapping("/balances")
	List<BalanceRow> balances(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			StoreScope scope) {
		LocalDate today = LocalDate.now(this.clock);
		DayPeriod period = DayPeriod.of((from != null) ? from : today.withDayOfMonth(1).toString(), to,
				today.getDayOfMonth(), MAX_DAYS, this.clock);
		return this.ledger.trialBalance(period.first(), period.last(), scope)
			.stream()
			.map((balance) -> new BalanceRow(balance.account().getCode(), balance.account().getName(), balance.debit(),
					balance.credit(), balance.balance()))
			.toList();
	}

	@Operation(summary = "What returns moved in stock at cost beside the balance of 1405 at the end of a day "
			+ "(default today): the difference must be zero")
	@GetMapping("/reconciliation")
	ReconciliationView reconciliation(@RequestParam(required = false) String asOf, StoreScope scope) {
		LocalDate day = (asOf != null && !asOf.isBlank()) ? DayPeriod.day("asOf", asOf) : LocalDate.now(this.clock);
		InventoryReconciliation.Reconciliation books = this.reconciliation.asOf(day, scope);
		return new ReconciliationView(books.asOf(), books.movedByKind(), books.movedByReturns(),
				books.inventoryAccountBalance(), books.difference(), books.valueOnHand());
	}

	private Map<String, ChartAccount> chart() {
		return this.ledger.chart().stream().collect(Collectors.toMap(ChartAccount::getCode, Function.identity()));
	}

	/** A line of a posted entry, as the postings of a return. */
	record PostingRow(String returnNumber, int line, String account, String accountName, BigDecimal debit,
			BigDecimal credit, Instant postedAt, String entryNumber, LocalDate entryDate) {

	}

	/** A posted entry and its lines. */
	record EntryView(String number, LocalDate date, String reference, String memo, @Nullable String storeCode,
			boolean reversal, List<LineView> lines) {

		static EntryView of(JournalEntry entry, Map<String, ChartAccount> accounts) {
			return new EntryView(entry.getNumber(), entry.getEntryDate(), entry.getReference(), entry.getMemo(),
					entry.getStoreCode(), entry.getReversesId() != null,
					entry.getLines()
						.stream()
						.map((line) -> new LineView(line.getAccount(), accounts.get(line.getAccount()).getName(),
								line.getDebit(), line.getCredit()))
						.toList());
		}

	}

	/** A debit or credit of an entry. */
	@Schema(name = "EntryLine")
	record LineView(String account, String name, BigDecimal debit, BigDecimal credit) {

	}

	/** An account's row of the trial balance. */
	record BalanceRow(String account, String name, BigDecimal debit, BigDecimal credit, BigDecimal balance) {

	}

	/** Stock moved by returns at cost beside the inventory account. */
	record ReconciliationView(LocalDate asOf, Map<MovementKind, BigDecimal> movedByKind, BigDecimal movedByReturns,
			BigDecimal inventoryAccount, BigDecimal difference, BigDecimal valueOnHand) {

	}

}
