package io.returnsdesk.finance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.returnsdesk.support.IntegrationTest;
import io.returnsdesk.support.Ledgers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static io.returnsdesk.finance.Account.CASH;
import static io.returnsdesk.finance.Account.SALES_REVENUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The journal as an accountant relies on it: balanced entries to accounts of the chart
 * only, one per event however often it is posted, numbered without gaps, never changed (a
 * correction reverses), and a trial balance whose debits equal its credits.
 */
@IntegrationTest
class GeneralLedgerIntegrationTest {

	@Autowired
	GeneralLedger ledger;

	@Autowired
	Ledgers ledgers;

	@Autowired
	Clock clock;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void refusesAnEntryThatDoesNotBalanceAndPostsABalancedOneOnce() {
		String reference = "DOC-" + System.nanoTime();
		assertThatThrownBy(
				() -> this.ledger.post(draft(reference, ":A", JournalLine.debit(SALES_REVENUE, new BigDecimal("10.00")),
						JournalLine.credit(CASH, new BigDecimal("9.99")))))
			.isInstanceOf(UnbalancedEntryException.class)
			.hasMessage("The entry of %s does not balance: debits 10.00, credits 9.99".formatted(reference));
		assertThat(this.ledgers.postings(reference)).isEmpty();

		JournalEntryDraft entry = draft(reference, ":A", JournalLine.debit(SALES_REVENUE, new BigDecimal("10.00")),
				JournalLine.credit(CASH, new BigDecimal("10.00")));
		JournalEntry first = this.ledger.post(entry);
		JournalEntry again = this.ledger.post(entry);

		assertThat(again.getNumber()).isEqualTo(first.getNumber());
		assertThat(this.ledgers.postings(reference)).containsExactly("6001 10.00 0.00", "1001 0.00 10.00");
	}

	@Test
	void refusesAnAccountThatIsNotInTheChartAndPostsNothingOfTheEntry() {
		String reference = "DOC-" + System.nanoTime();

		assertThatThrownBy(
				() -> this.ledger.post(draft(reference, ":A", JournalLine.debit(SALES_REVENUE, new BigDecimal("5.00")),
						new JournalLine("9999", BigDecimal.ZERO, new BigDecimal("5.00")))))
			.isInstanceOf(UnknownAccountException.class)
			.hasMessage("Account 9999 of the entry of %s is not in the chart of accounts".formatted(reference));
		assertThat(this.ledgers.postings(reference)).isEmpty();
	}

	@Test
	void numbersEntriesPerDayWithoutAGapAndLeavesOutLinesOfZero() {
		String reference = "DOC-" + System.nanoTime();
		JournalEntry first = this.ledger.post(draft(reference, ":A", JournalLine.debit(CASH, new BigDecimal("1.00")),
				JournalLine.credit(SALES_REVENUE, new BigDecimal("1.00")),
				JournalLine.debit(Account.LOSSES, BigDecimal.ZERO)));
		JournalEntry second = this.ledger.post(draft(reference, ":B", JournalLine.debit(CASH, new BigDecimal("2.00")),
				JournalLine.credit(SALES_REVENUE, new BigDecimal("2.00"))));

		String today = DateTimeFormatter.BASIC_ISO_DATE.format(LocalDate.now(this.clock));
		assertThat(first.getNumber()).matches("JE-" + today + "-\\d{4}");
		assertThat(sequence(second)).isEqualTo(sequence(first) + 1);
		assertThat(first.getEntryDate()).isEqualTo(LocalDate.now(this.clock));
		assertThat(first.getLines()).hasSize(2);
	}

	@Test
	void numbersEntriesAsTheyCommitSoThatAPostingStillAtWorkHoldsNoOtherBack() throws Exception {
		String reference = "DOC-" + System.nanoTime();
		CountDownLatch posted = new CountDownLatch(1);
		CountDownLatch finish = new CountDownLatch(1);
		ExecutorService postings = Executors.newFixedThreadPool(2);
		try {
			// a return's posting job: its entry written, the rest of its work still to do
			Future<JournalEntry> slow = postings.submit(() -> this.transaction.execute((status) -> {
				JournalEntry entry = this.ledger
					.post(draft(reference, ":SLOW", JournalLine.debit(CASH, new BigDecimal("4.00")),
							JournalLine.credit(SALES_REVENUE, new BigDecimal("4.00"))));
				posted.countDown();
				awaitQuietly(finish);
				return entry;
			}));
			assertThat(posted.await(10, TimeUnit.SECONDS)).isTrue();

			JournalEntry quick = postings.submit(
					() -> this.ledger.post(draft(reference, ":QUICK", JournalLine.debit(CASH, new BigDecimal("6.00")),
							JournalLine.credit(SALES_REVENUE, new BigDecimal("6.00")))))
				.get(10, TimeUnit.SECONDS);
			finish.countDown();

			JournalEntry slowEntry = slow.get(10, TimeUnit.SECONDS);
			assertThat(sequence(slowEntry)).isEqualTo(sequence(quick) + 1);
			assertThat(this.ledger.entries(reference)).extracting(JournalEntry::getNumber)
				.containsExactly(quick.getNumber(), slowEntry.getNumber());
		}
		finally {
			finish.countDown();
			postings.shutdownNow();
		}
	}

	@Test
	void anEntryWhosePostingIsUndoneTakesNoNumber() {
		String reference = "DOC-" + System.nanoTime();
		JournalEntry before = this.ledger.post(draft(reference, ":A", JournalLine.debit(CASH, new BigDecimal("1.00")),
				JournalLine.credit(SALES_REVENUE, new BigDecimal("1.00"))));
		this.transaction.executeWithoutResult((status) -> {
			this.ledger.post(draft(reference, ":B", JournalLine.debit(CASH, new BigDecimal("2.00")),
					JournalLine.credit(SALES_REVENUE, new BigDecimal("2.00"))));
			status.setRollbackOnly();
		});
		JournalEntry after = this.ledger.post(draft(reference, ":C", JournalLine.debit(CASH, new BigDecimal("3.00")),
				JournalLine.credit(SALES_REVENUE, new BigDecimal("3.00"))));

		assertThat(sequence(after)).isEqualTo(sequence(before) + 1);
		assertThat(this.ledgers.postings(reference)).containsExactly("1001 1.00 0.00", "6001 0.00 1.00",
				"1001 3.00 0.00", "6001 0.00 3.00");
	}

	@Test
	void correctsAnEntryWithOneThatReversesItOnce() {
		String reference = "DOC-" + System.nanoTime();
		JournalEntry posted = this.ledger.post(draft(reference, ":A", JournalLine.debit(CASH, new BigDecimal("7.50")),
				JournalLine.credit(SALES_REVENUE, new BigDecimal("7.50"))));

		JournalEntry reversal = this.ledger.reverse(posted.getNumber(), "Posted to the wrong till");
		this.ledger.reverse(posted.getNumber(), "Posted to the wrong till");

		assertThat(reversal.getReversesId()).isEqualTo(posted.getId());
		assertThat(this.ledgers.postings(reference)).containsExactly("1001 7.50 0.00", "6001 0.00 7.50",
				"1001 0.00 7.50", "6001 7.50 0.00");
		assertThat(this.ledgers.postingTotals(reference))
			.satisfies((totals) -> assertThat(Ledgers.decimal(totals.get("debits")))
				.isEqualByComparingTo(Ledgers.decimal(totals.get("credits"))));
		// the entry reversed stays as it was posted
		assertThat(this.ledger.entries(reference).get(0).getLines())
			.extracting((line) -> line.getAccount() + " " + line.getDebit())
			.containsExactly("1001 7.50", "6001 0.00");
	}

	@Test
	void theTrialBalanceHasTheSameDebitsAsCreditsAndNamesItsAccounts() {
		String reference = "DOC-" + System.nanoTime();
		this.ledger.post(draft(reference, ":A", JournalLine.debit(CASH, new BigDecimal("3.30")),
				JournalLine.credit(SALES_REVENUE, new BigDecimal("3.30"))));
		LocalDate today = LocalDate.now(this.clock);

		List<AccountBalance> balances = this.ledger.trialBalance(today, today);

		BigDecimal debits = balances.stream().map(AccountBalance::debit).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal credits = balances.stream().map(AccountBalance::credit).reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(debits).isEqualByComparingTo(credits).isPositive();
		assertThat(balances).extracting((balance) -> balance.account().getCode()).contains("1001", "6001").isSorted();
		assertThat(balances).filteredOn((balance) -> balance.account().getCode().equals("1001"))
			.singleElement()
			.satisfies((cash) -> {
				assertThat(cash.account().getName()).isEqualTo("Cash 库存现金");
				assertThat(cash.balance()).isEqualByComparingTo(cash.debit().subtract(cash.credit()));
			});
		assertThat(this.ledger.trialBalance(today.plusDays(1), today.plusDays(2))).isEmpty();
	}

	private static JournalEntryDraft draft(String reference, String event, JournalLine... lines) {
		return new JournalEntryDraft(reference + event, reference, "Test entry of " + reference, null, List.of(lines));
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(20, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static int sequence(JournalEntry entry) {
		return Integer.parseInt(entry.getNumber().substring(entry.getNumber().lastIndexOf('-') + 1));
	}

}
