package io.returnsdesk.returns.process;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.returnsdesk.catalog.Product;
import io.returnsdesk.inventory.MovementKind;
import io.returnsdesk.inventory.StockChange;
import io.returnsdesk.inventory.StockLedger;
import io.returnsdesk.reporting.ReportGrouping;
import io.returnsdesk.reporting.ReturnRateReport;
import io.returnsdesk.reporting.ReturnRateRow;
import io.returnsdesk.returns.internal.ReturnBooks;
import io.returnsdesk.returns.internal.ReturnSettlement;
import io.returnsdesk.sales.TradeOrder;
import io.returnsdesk.support.IntegrationTest;
import io.returnsdesk.support.Ledgers;
import io.returnsdesk.support.ReturnDriver;
import io.returnsdesk.support.TestFixtures;
import io.returnsdesk.support.TestUsers;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static io.returnsdesk.support.TestFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each confirmed return moves stock and money exactly once, whatever fails: a retried
 * step adds nothing, the database itself refuses a second movement or posting, a posting
 * that keeps failing waits as an incident without losing the confirmation, and many
 * confirmations of one SKU at once leave stock exact.
 */
@IntegrationTest
class ExactlyOnceIntegrationTest {

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReturnDriver driver;

	@Autowired
	Ledgers ledgers;

	@Autowired
	ReturnSettlement settlement;

	@Autowired
	ReturnBooks books;

	@Autowired
	StockLedger stock;

	@Autowired
	ManagementService management;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReturnRateReport report;

	@Autowired
	Clock clock;

	@Test
	void aRetriedPostingAddsNoMovementAndNoPosting() {
		Product mug = this.fixtures.product("12.00", 10);
		TradeOrder order = this.fixtures.shippedSale(3, line(mug, 4));
		String number = this.driver.confirmedReturn(order.getNumber(), "CASH", "24.00", mug.getSku(), 2);
		List<String> movements = this.ledgers.movements(number);
		List<String> postings = this.ledgers.postings(number);

		// as a job retried after its work committed would
		this.settlement.postStockMovements(number);
		this.books.post(number);

		assertThat(this.ledgers.movements(number)).isEqualTo(movements).hasSize(1);
		assertThat(this.ledgers.postings(number)).isEqualTo(postings).hasSize(5);
		assertThat(this.ledgers.entries(number)).hasSize(1);
		assertThat(this.ledgers.note(number)).hasSize(1);
		assertThat(this.ledgers.onHand(mug.getSku(), TestFixtures.WAREHOUSE)).isEqualTo(8);
	}

	@Test
	void theDatabaseRefusesASecondMovementOrPostingOfTheSameLine() {
		Product mug = this.fixtures.product("12.00", 10);
		TradeOrder order = this.fixtures.shippedSale(3, line(mug, 4));
		String number = this.driver.confirmedReturn(order.getNumber(), "CASH", "12.00", mug.getSku(), 1);

		assertThatThrownBy(() -> this.jdbc.update("""
				insert into stock_movement (product_id, warehouse_code, quantity, kind, reference, reference_line, at,
				                            unit_cost, moved_value)
				select product_id, warehouse_code, quantity, kind, reference, reference_line, at, unit_cost, moved_value
				from stock_movement where reference = ?""", number)).isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("uq_stock_movement");
		assertThatThrownBy(() -> this.jdbc.update("""
				insert into journal_entry (number, entry_date, reference, event_key, memo, posted_at)
				select number || '-2', entry_date, reference, event_key, memo, posted_at
				from journal_entry where reference = ?""", number)).isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("event_key");
		assertThatThrownBy(() -> this.jdbc.update("""
				insert into credit_note (number, kind, return_number, issued_on, order_number, party_code, party_name,
				                         store_code, refund_method, net, tax, gross, issued_at)
				select number || '-2', kind, return_number, issued_on, order_number, party_code, party_name, store_code,
				       refund_method, net, tax, gross, issued_at
				from credit_note where return_number = ?""", number))
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("return_number");
		assertThat(this.ledgers.movements(number)).hasSize(1);
		assertThat(this.ledgers.entries(number)).hasSize(1);
		assertThat(this.ledgers.note(number)).hasSize(1);
	}

	@Test
	void aPostingThatKeepsFailingBecomesAnIncidentAndKeepsTheConfirmation() {
		Product kettle = this.fixtures.product("40.00", 0);
		TradeOrder purchase = this.fixtures.receivedPurchase(3, line(kettle, 5, "24.00"));
		String number = this.driver.request(purchase.getNumber(), "DEFECTIVE", "REFUND", kettle.getSku(), 5);
		this.driver.approve(number, ReturnDriver.APPROVER);
		this.driver.process(number, TestFixtures.WAREHOUSE, "BANK_TRANSFER", "120", null);
		this.driver.confirm(number);
		// meanwhile two of the kettles were sold: the supplier return cannot leave
		this.stock.post(List
			.of(new StockChange(kettle, TestFixtures.WAREHOUSE, -2, MovementKind.SALES_SHIPMENT, "SO-ELSEWHERE", 1)));

		Job job = this.driver.postingJob(number);
		for (int attempt = 0; attempt < 3; attempt++) {
			assertThatThrownBy(() -> this.management.executeJob(job.getId()))
				.hasMessage("Only 3 unit(s) of product %d are on hand in warehouse %s; 5 cannot be taken out"
					.formatted(kettle.getId(), TestFixtures.WAREHOUSE));
		}

		Incident incident = this.runtime.createIncidentQuery()
			.processInstanceId(this.driver.instance(number).getId())
			.singleResult();
		assertThat(incident.getActivityId()).isEqualTo(ReturnProcess.TASK_POST_STOCK_MOVEMENTS);
		assertThat(this.management.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isZero();
		assertThat(this.ledgers.status(number)).as("confirmed by finance, not yet posted").isEqualTo("PROCESSED");
		assertThat(this.ledgers.movements(number)).isEmpty();
		assertThat(this.ledgers.postings(number)).isEmpty();

		// the goods are found; an operator retries the job in Cockpit
		this.stock.post(List
			.of(new StockChange(kettle, TestFixtures.WAREHOUSE, 2, MovementKind.PURCHASE_RECEIPT, "PO-FOUND", 1)));
		this.management.setJobRetries(job.getId(), 1);
		this.management.executeJob(job.getId());

		assertThat(this.ledgers.status(number)).isEqualTo("CONFIRMED");
		assertThat(this.ledgers.movements(number)).containsExactly("SUPPLIER_RETURN " + kettle.getSku() + " WT-A -5");
		assertThat(this.ledgers.onHand(kettle.getSku(), TestFixtures.WAREHOUSE)).isZero();
		assertThat(this.runtime.createIncidentQuery().incidentId(incident.getId()).count()).isZero();
	}

	@Test
	void fiftyConfirmationsOfOneSkuAtOnceLeaveStockAndLedgerExact() throws Exception {
		Product bulb = this.fixtures.product("2.50", 100);
		TradeOrder order = this.fixtures.shippedSale(3, line(bulb, 50));
		int before = this.ledgers.onHand(bulb.getSku(), TestFixtures.WAREHOUSE);
		List<String> numbers = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			String number = this.driver.request(order.getNumber(), "DEFECTIVE", "REFUND", bulb.getSku(), 1);
			this.driver.approve(number, ReturnDriver.APPROVER);
			this.driver.process(number, TestFixtures.WAREHOUSE, "CASH", "2.50", null);
			this.driver.confirm(number);
			numbers.add(number);
		}
		List<String> jobs = numbers.stream().map((number) -> this.driver.postingJob(number).getId()).toList();

		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> runs = new ArrayList<>();
		for (String job : jobs) {
			runs.add(pool.submit(asTheJobExecutor(start, job)));
		}
		start.countDown();
		for (Future<Integer> run : runs) {
			run.get();
		}
		pool.shutdown();

		assertThat(numbers).allSatisfy((number) -> assertThat(this.ledgers.status(number)).isEqualTo("CONFIRMED"));
		assertThat(this.ledgers.onHand(bulb.getSku(), TestFixtures.WAREHOUSE)).isEqualTo(before + 50);
		assertThat(this.jdbc.queryForObject("""
				select count(*) from stock_movement m join product p on p.id = m.product_id
				where p.sku = ? and m.kind = 'CUSTOMER_RETURN'""", Integer.class, bulb.getSku())).isEqualTo(50);
		// 2.21 + 0.29 VAT refunded, the bulb back at 1.25
		assertThat(numbers).allSatisfy((number) -> assertThat(this.ledgers.postingTotals(number))
			.containsEntry("debits", new java.math.BigDecimal("3.75"))
			.containsEntry("credits", new java.math.BigDecimal("3.75")));
		// fifty entries and fifty notes numbered at once: none twice, none skipped
		assertThat(sequenceNumbers("select e.number from journal_entry e where e.reference in (:numbers)", numbers))
			.doesNotHaveDuplicates()
			.hasSize(50)
			.satisfies((sequence) -> assertThat(sequence.get(49) - sequence.get(0)).isEqualTo(49));
		assertThat(sequenceNumbers("select n.number from credit_note n where n.return_number in (:numbers)", numbers))
			.doesNotHaveDuplicates()
			.hasSize(50)
			.satisfies((sequence) -> assertThat(sequence.get(49) - sequence.get(0)).isEqualTo(49));
		assertThat(this.ledgers.inventoryDifference()).isZero();
		assertThat(this.ledgers.levelsNotEqualToMovements()).isEmpty();
		assertThat(this.ledgers.unbalancedEntries()).isEmpty();
		// the report's monthly summary took every confirmation once
		LocalDate today = LocalDate.now(this.clock);
		assertThat(bulbRow(
				this.report.report(today.minusDays(10), today, ReportGrouping.PRODUCT, false, TestFixtures.STORE),
				bulb))
			.isEqualTo(bulbRow(this.report.reportFromRawRows(today.minusDays(10), today, ReportGrouping.PRODUCT, false,
					TestFixtures.STORE), bulb))
			.extracting(ReturnRateRow::shippedQuantity, ReturnRateRow::returnedQuantity)
			.containsExactly(50L, 50L);
	}

	/**
	 * The sequence numbers (the last part of KIND-yyyyMMdd-NNNN) of documents, sorted.
	 */
	private List<Integer> sequenceNumbers(String query, List<String> numbers) {
		return new NamedParameterJdbcTemplate(this.jdbc).queryForList(query, Map.of("numbers", numbers), String.class)
			.stream()
			.map((number) -> Integer.parseInt(number.substring(number.lastIndexOf('-') + 1)))
			.sorted()
			.toList();
	}

	private static ReturnRateRow bulbRow(List<ReturnRateRow> rows, Product bulb) {
		return rows.stream().filter((row) -> row.key().equals(bulb.getSku())).findFirst().orElseThrow();
	}

	@Test
	void twoApproversCompletingTheSameTaskAtOnceOneWinsTheOtherIsToldSo() throws Exception {
		Product mug = this.fixtures.product("12.00", 10);
		TradeOrder order = this.fixtures.shippedSale(3, line(mug, 4));
		String number = this.driver.request(order.getNumber(), "DAMAGED", "REFUND", mug.getSku(), 1);
		String task = this.driver.task(number, ReturnProcess.TASK_APPROVE).getId();

		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<String>> answers = new ArrayList<>();
		for (String approver : List.of("approverA", "approverB")) {
			answers.add(pool.submit(() -> {
				start.await();
				try {
					this.users.actingAs(approver, List.of("approvers"),
							() -> this.tasks.complete(task, Map.of(ReturnProcess.VAR_APPROVED, true)));
					return "completed";
				}
				catch (RuntimeException ex) {
					return ex.getClass().getSimpleName() + ": " + ex.getMessage();
				}
			}));
		}
		start.countDown();
		List<String> results = new ArrayList<>();
		for (Future<String> answer : answers) {
			results.add(answer.get());
		}
		pool.shutdown();

		assertThat(results).filteredOn("completed"::equals).hasSize(1);
		assertThat(results).filteredOn((result) -> !result.equals("completed"))
			.singleElement()
			.satisfies((refusal) -> assertThat(refusal).containsAnyOf("OptimisticLockingException", "Cannot find task",
					"updated or deleted by another transaction", "is APPROVED and cannot be approved",
					"TaskNoLongerOpenException",
					// the decision listener found the winner's commit: the engine
					// wraps its refusal as a task listener's exception, message
					// unchanged
					"is no longer open: user 'approver",
					// the engine checked the loser's permission on a task whose
					// authorizations had gone with the winner's commit; over /engine-rest
					// the loser hears "no longer open"
					// (EngineRestSecurityIntegrationTest)
					"AuthorizationException"));
		assertThat(this.ledgers.status(number)).isEqualTo("APPROVED");
		assertThat(this.jdbc.queryForObject("""
				select count(*) from return_event e join return_order r on r.id = e.return_id
				where r.number = ? and e.status = 'APPROVED'""", Integer.class, number)).isEqualTo(1);
	}

	/**
	 * Runs a job as the job executor does: again when the engine's optimistic lock fails.
	 */
	private Callable<Integer> asTheJobExecutor(CountDownLatch start, String job) {
		return () -> {
			start.await();
			for (int retry = 0;; retry++) {
				try {
					this.management.executeJob(job);
					return retry;
				}
				catch (OptimisticLockingException ex) {
					if (retry > 10) {
						throw ex;
					}
				}
			}
		};
	}

}
