package io.returnsdesk.returns.process;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;

import io.returnsdesk.catalog.Product;
import io.returnsdesk.engine.EngineTime;
import io.returnsdesk.returns.ReceivedUnits;
import io.returnsdesk.returns.RefundMethod;
import io.returnsdesk.returns.ReturnApproved;
import io.returnsdesk.returns.ReturnConfirmed;
import io.returnsdesk.returns.ReturnProcessed;
import io.returnsdesk.returns.ReturnQueries;
import io.returnsdesk.returns.ReturnRejected;
import io.returnsdesk.returns.ReturnRequests;
import io.returnsdesk.returns.ReturnStatus;
import io.returnsdesk.returns.ReturnSubmitted;
import io.returnsdesk.returns.ReturnType;
import io.returnsdesk.returns.ReturnView;
import io.returnsdesk.returns.ReturnWithdrawn;
import io.returnsdesk.sales.TradeOrder;
import io.returnsdesk.support.IntegrationTest;
import io.returnsdesk.support.Ledgers;
import io.returnsdesk.support.ReturnDriver;
import io.returnsdesk.support.TestFixtures;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static io.returnsdesk.support.TestFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

/**
 * One story per path of {@code returnRequest}, each checked by what the people concerned
 * see: status, stock, ledger, postings and notifications. Together they cover every
 * sequence flow of the process.
 */
@IntegrationTest
@RecordApplicationEvents
class ReturnRequestProcessTest {

	@Autowired
	ApplicationEvents events;

	@Autowired
	ProcessEngine engine;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReturnDriver returns;

	@Autowired
	ReturnRequests requests;

	@Autowired
	ReturnQueries queries;

	@Autowired
	ManagementService management;

	@Autowired
	Ledgers ledgers;

	@Autowired
	Clock clock;

	Product mug;

	TradeOrder order;

	@BeforeEach
	void shipThreeMugs() {
		BpmnAwareTests.init(this.engine);
		this.mug = this.fixtures.product("25.50", 10);
		this.order = this.fixtures.shippedSale(5, line(this.mug, 3));
	}

	@Test
	void customerReturnIsApprovedProcessedAndConfirmed() {
		String number = this.returns.request(this.order.getNumber(), "DAMAGED", "REFUND", this.mug.getSku(), 2);
		ProcessInstance instance = this.returns.instance(number);
		assertThat(instance).isWaitingAt(ReturnProcess.TASK_APPROVE);
		assertThat(task(instance)).hasCandidateGroup("approvers");
		assertThat(this.ledgers.status(number)).isEqualTo("SUBMITTED");

		this.returns.approve(number, ReturnDriver.APPROVER);
		assertThat(instance).isWaitingAt(ReturnProcess.TASK_PROCESS);
		assertThat(task(instance)).hasCandidateGroup("warehouse");
		assertThat(this.ledgers.status(number)).isEqualTo("APPROVED");

		this.returns.process(number, TestFixtures.WAREHOUSE, "ORIGINAL_PAYMENT", 51.00, null);
		assertThat(instance).isWaitingAt(ReturnProcess.TASK_CONFIRM);
		assertThat(task(instance)).hasCandidateGroup("finance");
		assertThat(this.ledgers.status(number)).isEqualTo("PROCESSED");

		this.returns.confirm(number);
		// confirmed, but nothing is posted until the posting job has run
		assertThat(instance).isWaitingAt(ReturnProcess.TASK_POST_STOCK_MOVEMENTS);
		assertThat(this.ledgers.movements(number)).isEmpty();

		this.returns.runPostingJob(number);
		assertThat(instance).isEnded().hasPassed(ReturnProcess.END_CONFIRMED).hasNotPassed(ReturnProcess.END_EXCHANGED);
		assertThat(this.ledgers.status(number)).isEqualTo("CONFIRMED");
		// 10 opening - 3 shipped + 2 back
		assertThat(this.ledgers.onHand(this.mug.getSku(), TestFixtures.WAREHOUSE)).isEqualTo(9);
		assertThat(this.ledgers.movements(number)).containsExactly("CUSTOMER_RETURN " + this.mug.getSku() + " WT-A 2");
		// 51.00 back to the customer's payment: 45.13 net and 5.87 VAT; the mugs back at
		// the
		// cost they were shipped with, 12.75 each
		assertThat(this.ledgers.postings(number)).containsExactly("6001 45.13 0.00", "2221.01 5.87 0.00",
				"1122 0.00 51.00", "1405 25.50 0.00", "6401 0.00 25.50");
		assertThat(this.ledgers.notifications(number)).containsExactly("RETURN_APPROVED clerk",
				"RETURN_APPROVED group:warehouse", "RETURN_CONFIRMED clerk", "RETURN_CONFIRMED group:warehouse");
		ReturnView view = this.queries.get(number);
		assertThat(view.history()).extracting((event) -> event.status() + " " + event.actor())
			.containsExactly("SUBMITTED clerk", "APPROVED approver1", "PROCESSED wh1", "CONFIRMED fin1");
		assertThat(view.refundAmount()).isEqualByComparingTo("51.00");
		// what happened, published once each for the modules that listen
		assertThat(this.events.stream(ReturnSubmitted.class))
			.containsExactly(new ReturnSubmitted(number, "clerk", TestFixtures.STORE));
		assertThat(this.events.stream(ReturnApproved.class)).containsExactly(new ReturnApproved(number,
				this.order.getNumber(), "clerk", new BigDecimal("51.00"), ReturnDriver.APPROVER));
		ReceivedUnits units = new ReceivedUnits(ReturnType.CUSTOMER, 2, 2, 0, LocalDate.now(this.clock));
		assertThat(this.events.stream(ReturnProcessed.class)).singleElement()
			.satisfies((processed) -> assertThat(processed).usingRecursiveComparison()
				.withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
				.isEqualTo(new ReturnProcessed(number, "wh1", TestFixtures.WAREHOUSE, RefundMethod.ORIGINAL_PAYMENT,
						new BigDecimal("51.00"), units)));
		assertThat(this.events.stream(ReturnConfirmed.class)).singleElement()
			.satisfies((confirmed) -> assertThat(confirmed)
				.extracting(ReturnConfirmed::number, ReturnConfirmed::requestedBy, ReturnConfirmed::actor,
						ReturnConfirmed::refundMethod, ReturnConfirmed::units)
				.containsExactly(number, "clerk", "fin1", RefundMethod.ORIGINAL_PAYMENT, units));
		assertThat(this.events.stream(ReturnRejected.class)).isEmpty();
	}

	@Test
	void supplierReturnTakesGoodsOutAndRaisesReceivableFromSupplier() {
		Product kettle = this.fixtures.product("40.00", 0);
		TradeOrder purchase = this.fixtures.receivedPurchase(3, line(kettle, 20, "24.00"));
		String number = this.returns.request(purchase.getNumber(), "DEFECTIVE", "REFUND", kettle.getSku(), 5);
		this.returns.approveProcessAndConfirm(number, "BANK_TRANSFER", "100", null);

		assertThat(this.returns.instance(number)).isNull();
		assertThat(this.ledgers.status(number)).isEqualTo("CONFIRMED");
		assertThat(this.ledgers.onHand(kettle.getSku(), TestFixtures.WAREHOUSE)).isEqualTo(15);
		assertThat(this.ledgers.movements(number)).containsExactly("SUPPLIER_RETURN " + kettle.getSku() + " WT-A -5");
		// 5 kettles leave inventory at the 21.24 they came in at, net of VAT; the
		// supplier
		// owes 100.00, of which 11.50 input VAT is transferred out, the rest is a loss
		assertThat(this.ledgers.postings(number)).containsExactly("1221 100.00 0.00", "1405 0.00 106.20",
				"2221.03 0.00 11.50", "6711 17.70 0.00");
	}

	@Test
	void supplierReturnOfGoodsNoLongerInTheWarehouseIsRefused() {
		Product kettle = this.fixtures.product("40.00", 0);
		TradeOrder purchase = this.fixtures.receivedPurchase(3, line(kettle, 5, "24.00"));
		String number = this.returns.request(purchase.getNumber(), "DEFECTIVE", "REFUND", kettle.getSku(), 5);
		this.returns.approve(number, ReturnDriver.APPROVER);

		assertThatThrownBy(() -> this.returns.process(number, TestFixtures.OTHER_WAREHOUSE, "BANK_TRANSFER", 120, null))
			.satisfies((ex) -> assertThat(rootMessage(ex)).isEqualTo(
					"Warehouse WT-B holds 0 unit(s) of %s; the supplier return sends 5".formatted(kettle.getSku())));
		assertThat(this.ledgers.status(number)).isEqualTo("APPROVED");
		assertThat(this.ledgers.onHand(kettle.getSku(), TestFixtures.WAREHOUSE)).isEqualTo(5);
	}

	@Test
	void rejectedReturnIsRevisedResubmittedAndApproved() {
		String number = this.returns.request(this.order.getNumber(), "DAMAGED", "REFUND", this.mug.getSku(), 3);
		this.returns.reject(number, "Photos of the damage are missing");
		ProcessInstance instance = this.returns.instance(number);
		assertThat(instance).isWaitingAt(ReturnProcess.TASK_REVISE);
		assertThat(task(instance)).isAssignedTo(ReturnDriver.CLERK);
		assertThat(this.ledgers.status(number)).isEqualTo("REJECTED");
		assertThat(this.ledgers.notifications(number)).containsExactly("RETURN_REJECTED clerk");
		// the revision form shows the current rejection apart, and no earlier ones yet
		assertThat(formData(number, ReturnProcess.TASK_REVISE)).containsEntry("rejectionHistory", "")
			.containsEntry("returnTypeLabel", ReturnType.CUSTOMER.label())
			.containsEntry("totalAmount", "76.50");

		this.requests.revise(number, ReturnDriver.body(null, "DAMAGED", "REFUND", this.mug.getSku(), 1),
				ReturnDriver.CLERK);
		assertThat(instance).isWaitingAt(ReturnProcess.TASK_APPROVE);
		// the new approval form starts empty, not with the earlier rejection
		assertThat(instance).variables()
			.doesNotContainKeys(ReturnProcess.VAR_APPROVED, ReturnProcess.VAR_REJECTION_REASON);
		assertThat(this.ledgers.status(number)).isEqualTo("SUBMITTED");

		assertThat((String) formData(number, ReturnProcess.TASK_APPROVE).get("rejectionHistory"))
			.endsWith("approver1: Photos of the damage are missing");
		this.returns.approve(number, ReturnDriver.APPROVER);
		assertThat(instance).isWaitingAt(ReturnProcess.TASK_PROCESS).hasPassed(ReturnProcess.TASK_RESUBMIT);
		ReturnView view = this.queries.get(number);
		assertThat(view.status()).isEqualTo(ReturnStatus.APPROVED);
		assertThat(view.lines()).singleElement().satisfies((line) -> assertThat(line.quantity()).isEqualTo(1));
		assertThat(view.totalAmount()).isEqualByComparingTo("25.50");
		assertThat(view.history()).extracting((event) -> event.status() + " " + event.note())
			.containsExactly("SUBMITTED null", "REJECTED Photos of the damage are missing", "SUBMITTED null",
					"APPROVED null");
		// the revision holds 1 unit now: 2 of the 3 shipped are returnable again
		assertThat(this.queries.returnable(this.order.getNumber())).containsEntry(1, 2);
	}

	@Test
	void rejectedReturnIsWithdrawnAndReleasesItsUnits() {
		String number = this.returns.request(this.order.getNumber(), "NO_LONGER_NEEDED", "REFUND", this.mug.getSku(),
				3);
		assertThat(this.queries.returnable(this.order.getNumber())).containsEntry(1, 0);
		this.returns.reject(number, "Outside our goodwill policy");
		ProcessInstance instance = this.returns.instance(number);

		this.requests.withdraw(number, ReturnDriver.CLERK);

		assertThat(instance).isEnded().hasPassed(ReturnProcess.END_WITHDRAWN);
		assertThat(this.ledgers.status(number)).isEqualTo("WITHDRAWN");
		assertThat(this.queries.returnable(this.order.getNumber())).containsEntry(1, 3);
		assertThat(this.ledgers.movements(number)).isEmpty();
		assertThat(this.ledgers.postings(number)).isEmpty();
		assertThat(this.ledgers.onHand(this.mug.getSku(), TestFixtures.WAREHOUSE)).isEqualTo(7);
		assertThat(this.events.stream(ReturnRejected.class))
			.containsExactly(new ReturnRejected(number, "clerk", ReturnDriver.APPROVER, "Outside our goodwill policy"));
		assertThat(this.events.stream(ReturnWithdrawn.class)).containsExactly(new ReturnWithdrawn(number, "clerk"));
	}

	@Test
	void cheapWrongItemIsRefundedWithoutItsGoodsComingBack() {
		Product socks = this.fixtures.product("29.99", 10);
		TradeOrder sale = this.fixtures.shippedSale(5, line(socks, 2));
		String number = this.returns.request(sale.getNumber(), "WRONG_ITEM", "REFUND", socks.getSku(), 2);
		ProcessInstance instance = this.returns.instance(number);

		this.returns.approve(number, ReturnDriver.APPROVER);

		// the warehouse has nothing to do: straight to finance
		assertThat(instance).isWaitingAt(ReturnProcess.TASK_CONFIRM)
			.hasPassed(ReturnProcess.TASK_RECORD_RETURNLESS_REFUND)
			.hasNotPassed(ReturnProcess.TASK_PROCESS);
		ReturnView processed = this.queries.get(number);
		assertThat(processed.returnless()).isTrue();
		assertThat(processed.status()).isEqualTo(ReturnStatus.PROCESSED);
		assertThat(processed.refundMethod()).isEqualTo(RefundMethod.ORIGINAL_PAYMENT);
		assertThat(processed.refundAmount()).isEqualByComparingTo("59.98");
		assertThat(processed.warehouseCode()).isNull();
		assertThat(processed.lines()).singleElement()
			.satisfies((line) -> assertThat(line)
				.extracting(ReturnView.Line::quantity, ReturnView.Line::receivedQuantity, ReturnView.Line::heldQuantity)
				.containsExactly(2, 0, 2));
		// the units stay returned: none can be asked back again
		assertThat(this.queries.returnable(sale.getNumber())).containsEntry(1, 0);
		assertThat(formData(number, ReturnProcess.TASK_CONFIRM)).containsEntry("receiptSummary",
				ReceiptSummary.RETURNLESS);

		this.returns.confirm(number);
		this.returns.runPostingJob(number);

		assertThat(instance).isEnded().hasPassed(ReturnProcess.END_CONFIRMED);
		assertThat(this.ledgers.status(number)).isEqualTo("CONFIRMED");
		assertThat(this.ledgers.movements(number)).isEmpty();
		// 10 opening - 2 shipped; nothing came back
		assertThat(this.ledgers.onHand(socks.getSku(), TestFixtures.WAREHOUSE)).isEqualTo(8);
		// 59.98 back to the customer's payment: 53.08 net and 6.90 VAT; no goods, no
		// inventory, cost or loss
		assertThat(this.ledgers.postings(number)).containsExactly("6001 53.08 0.00", "2221.01 6.90 0.00",
				"1122 0.00 59.98");
		assertThat(this.ledgers.unbalancedEntries()).isEmpty();
		assertThat(this.ledgers.inventoryDifference()).isZero();
		assertThat(this.ledgers.note(number)).singleElement().asString().endsWith(" 53.08 6.90 59.98");
		assertThat(this.queries.returnable(sale.getNumber())).containsEntry(1, 0);
		assertThat(this.events.stream(ReturnConfirmed.class)).singleElement()
			.satisfies((confirmed) -> assertThat(confirmed.lines()).singleElement()
				.satisfies((line) -> assertThat(line)
					.extracting(ReturnConfirmed.Line::quantity, ReturnConfirmed.Line::returnlessQuantity)
					.containsExactly(0, 2)));
	}

	@Test
	void wrongItemOfThirtyComesBackThroughTheWarehouse() {
		Product socks = this.fixtures.product("30.00", 10);
		TradeOrder sale = this.fixtures.shippedSale(5, line(socks, 2));
		String number = this.returns.request(sale.getNumber(), "WRONG_ITEM", "REFUND", socks.getSku(), 2);

		this.returns.approve(number, ReturnDriver.APPROVER);

		assertThat(this.returns.instance(number)).isWaitingAt(ReturnProcess.TASK_PROCESS)
			.hasNotPassed(ReturnProcess.TASK_RECORD_RETURNLESS_REFUND);
		assertThat(this.queries.get(number).returnless()).isFalse();
	}

	@Test
	void returnlessRefundSentBackByFinanceIsRecordedAgain() {
		Product socks = this.fixtures.product("9.90", 10);
		TradeOrder sale = this.fixtures.shippedSale(5, line(socks, 1));
		String number = this.returns.request(sale.getNumber(), "WRONG_ITEM", "REFUND", socks.getSku(), 1);
		this.returns.approve(number, ReturnDriver.APPROVER);

		this.returns.sendBack(number, "Check with the customer first");

		ProcessInstance instance = this.returns.instance(number);
		assertThat(instance).isWaitingAt(ReturnProcess.TASK_CONFIRM)
			.hasPassed(ReturnProcess.TASK_REOPEN_PROCESSING)
			.hasNotPassed(ReturnProcess.TASK_PROCESS);
		assertThat(this.queries.get(number).history()).extracting((event) -> event.status() + " " + event.actor())
			.containsExactly("SUBMITTED clerk", "APPROVED approver1", "PROCESSED approver1", "APPROVED fin1",
					"PROCESSED approver1");
		assertThat(this.queries.get(number).refundAmount()).isEqualByComparingTo("9.90");
	}

	@Test
	void refusedConfirmationGoesBackToProcessingWithTheNote() {
		String number = this.returns.request(this.order.getNumber(), "DEFECTIVE", "REFUND", this.mug.getSku(), 2);
		this.returns.approve(number, ReturnDriver.APPROVER);
		this.returns.process(number, TestFixtures.WAREHOUSE, "CASH", 51, null);

		this.returns.sendBack(number, "The refund voucher is missing");

		ProcessInstance instance = this.returns.instance(number);
		assertThat(instance).isWaitingAt(ReturnProcess.TASK_PROCESS);
		ReturnView view = this.queries.get(number);
		assertThat(view.status()).isEqualTo(ReturnStatus.APPROVED);
		assertThat(view.confirmationNote()).isEqualTo("The refund voucher is missing");
		assertThat(this.ledgers.notifications(number)).contains("PROCESSING_REOPENED group:warehouse");
		assertThat(formData(number, ReturnProcess.TASK_PROCESS)).containsEntry("financeNote",
				"The refund voucher is missing");
		assertThat(instance).variables()
			.doesNotContainKeys(ReturnProcess.VAR_CONFIRMED, ReturnProcess.VAR_CONFIRMATION_NOTE);
		assertThat(this.ledgers.movements(number)).isEmpty();

		this.returns.process(number, TestFixtures.WAREHOUSE, "STORE_CREDIT", 45, null);
		this.returns.confirm(number);
		this.returns.runPostingJob(number);

		assertThat(instance).isEnded().hasPassed(ReturnProcess.TASK_REOPEN_PROCESSING, ReturnProcess.END_CONFIRMED);
		assertThat(this.ledgers.postings(number)).containsExactly("6001 39.82 0.00", "2221.01 5.18 0.00",
				"2203 0.00 45.00", "1405 25.50 0.00", "6401 0.00 25.50");
		assertThat(this.ledgers.movements(number)).hasSize(1);
	}

	@Test
	void exchangeRaisesReplacementShipmentOnTheSameOrder() {
		String number = this.returns.request(this.order.getNumber(), "DEFECTIVE", "EXCHANGE", this.mug.getSku(), 1);
		this.returns.approveProcessAndConfirm(number, "STORE_CREDIT", 0, null);

		assertThat(this.returns.instance(number)).isNull();
		assertThat(this.ledgers.status(number)).isEqualTo("CONFIRMED");
		assertThat(this.ledgers.movements(number)).containsExactly("CUSTOMER_RETURN " + this.mug.getSku() + " WT-A 1",
				"REPLACEMENT_SHIPMENT " + this.mug.getSku() + " WT-A -1");
		assertThat(this.ledgers.onHand(this.mug.getSku(), TestFixtures.WAREHOUSE)).isEqualTo(7);
		// nothing refunded: the customer has the goods again; the unit back and the one
		// sent
		// both at cost, and no revenue
		assertThat(this.ledgers.postings(number)).containsExactly("1405 12.75 0.00", "6401 0.00 12.75",
				"6401 12.75 0.00", "1405 0.00 12.75");
		assertThat(this.ledgers.notifications(number)).contains("REPLACEMENT_SHIPPED clerk");
		// 4 units shipped in all, 1 held by the exchange: 3 still returnable
		assertThat(this.queries.returnable(this.order.getNumber())).containsEntry(1, 3);
	}

	@Test
	void returnAboveTheAmountThresholdGoesToManagers() {
		Product tablet = this.fixtures.product("2600.00", 2);
		TradeOrder big = this.fixtures.shippedSale(2, line(tablet, 2));
		String number = this.returns.request(big.getNumber(), "DEFECTIVE", "REFUND", tablet.getSku(), 2);
		assertThat(task(this.returns.instance(number))).hasCandidateGroup("managers");
		this.returns.approve(number, ReturnDriver.MANAGER);
		assertThat(this.ledgers.status(number)).isEqualTo("APPROVED");
	}

	@Test
	void returnOutsideTheReturnWindowGoesToManagers() {
		TradeOrder old = this.fixtures.shippedSale(31, line(this.mug, 1));
		String number = this.returns.request(old.getNumber(), "NO_LONGER_NEEDED", "REFUND", this.mug.getSku(), 1);
		assertThat(task(this.returns.instance(number))).hasCandidateGroup("managers");
	}

	@Test
	void overdueApprovalRemindsTheApprovers() {
		String number = this.returns.request(this.order.getNumber(), "DAMAGED", "REFUND", this.mug.getSku(), 1);
		ProcessInstance instance = this.returns.instance(number);
		Job reminder = this.management.createJobQuery()
			.processInstanceId(instance.getId())
			.activityId(ReturnProcess.TIMER_APPROVAL_OVERDUE)
			.singleResult();
		assertThat(reminder.getDuedate()).isAfter(new java.util.Date(System.currentTimeMillis() + 47 * 3600_000L));

		this.management.executeJob(reminder.getId());

		assertThat(instance).isWaitingAt(ReturnProcess.TASK_APPROVE).hasPassed(ReturnProcess.END_APPROVERS_REMINDED);
		assertThat(this.ledgers.notifications(number)).containsExactly("APPROVAL_OVERDUE group:approvers");
		this.returns.approve(number, ReturnDriver.APPROVER);
		assertThat(this.ledgers.status(number)).isEqualTo("APPROVED");
	}

	@Test
	void fullReceiptRestocksEveryUnitAskedFor() {
		String number = this.returns.request(this.order.getNumber(), "DEFECTIVE", "REFUND", this.mug.getSku(), 3);
		this.returns.approveProcessAndConfirm(number, "CASH", "76.50",
				ReturnDriver.receipt("{\"1\": 3}", "{\"1\": 0}", null));

		ReturnView view = this.queries.get(number);
		assertThat(view.lines()).singleElement().satisfies((line) -> {
			assertThat(line.receivedQuantity()).isEqualTo(3);
			assertThat(line.scrappedQuantity()).isZero();
			assertThat(line.amount()).isEqualByComparingTo("76.50");
		});
		// no day given: the goods came back today, the merchant's day
		assertThat(view.returnedOn()).isEqualTo(LocalDate.now(this.clock));
		assertThat(this.ledgers.movements(number)).containsExactly("CUSTOMER_RETURN " + this.mug.getSku() + " WT-A 3");
		assertThat(this.ledgers.onHand(this.mug.getSku(), TestFixtures.WAREHOUSE)).isEqualTo(10);
		assertThat(this.queries.returnable(this.order.getNumber())).containsEntry(1, 0);
		assertThat(this.returns.instance(number)).isNull();
	}

	@Test
	void partialReceiptReleasesTheUnitsThatDidNotComeBackAndWritesOffTheBrokenOne() {
		Instant requested = this.clock.instant().minus(Duration.ofDays(3));
		EngineTime.set(requested);
		String number;
		try {
			number = this.returns.request(this.order.getNumber(), "DAMAGED", "REFUND", this.mug.getSku(), 3);
			this.returns.approve(number, ReturnDriver.APPROVER);
		}
		finally {
			EngineTime.reset();
		}
		String cameBack = LocalDate.ofInstant(requested, this.clock.getZone()).plusDays(1).toString();
		this.returns.process(number, TestFixtures.WAREHOUSE, "ORIGINAL_PAYMENT", "51.00",
				ReturnDriver.receipt("{\"1\": 2}", "{\"1\": 1}", cameBack));

		// the third unit is released at once: returnable again, no longer held
		assertThat(this.queries.returnable(this.order.getNumber())).containsEntry(1, 1);
		ReturnView processed = this.queries.get(number);
		assertThat(processed.status()).isEqualTo(ReturnStatus.PROCESSED);
		assertThat(processed.returnedOn()).hasToString(cameBack);
		assertThat(processed.lines()).singleElement().satisfies((line) -> {
			assertThat(line.quantity()).isEqualTo(3);
			assertThat(line.receivedQuantity()).isEqualTo(2);
			assertThat(line.scrappedQuantity()).isEqualTo(1);
			assertThat(line.amount()).isEqualByComparingTo("51.00");
		});
		assertThat(processed.totalAmount()).isEqualByComparingTo("51.00");
		assertThat(this.ledgers.returnTotalsNotEqualToTheirLines()).isEmpty();
		assertThat(this.ledgers.movements(number)).isEmpty();

		this.returns.confirm(number);
		this.returns.runPostingJob(number);

		// two units in, the broken one out again: on hand rises by one
		assertThat(this.ledgers.movements(number)).containsExactly("CUSTOMER_RETURN " + this.mug.getSku() + " WT-A 2",
				"SCRAP " + this.mug.getSku() + " WT-A -1");
		assertThat(this.ledgers.onHand(this.mug.getSku(), TestFixtures.WAREHOUSE)).isEqualTo(8);
		assertThat(this.ledgers.postings(number)).containsExactly("6001 45.13 0.00", "2221.01 5.87 0.00",
				"1122 0.00 51.00", "1405 12.75 0.00", "6711 12.75 0.00", "6401 0.00 25.50");
		assertThat(this.queries.returnable(this.order.getNumber())).containsEntry(1, 1);
		assertThat(this.ledgers.status(number)).isEqualTo("CONFIRMED");
	}

	@Test
	void partialReceiptWithNothingWrittenOffRestocksWhatCameBack() {
		Product lamp = this.fixtures.product("12.00", 4);
		TradeOrder two = this.fixtures.shippedSale(2, line(this.mug, 2), line(lamp, 4));
		String number = this.returns.request(two.getNumber(), "NO_LONGER_NEEDED", "REFUND", this.mug.getSku(), 2,
				lamp.getSku(), 4);
		this.returns.approve(number, ReturnDriver.APPROVER);
		// the mugs never arrived; three of the four lamps did
		this.returns.process(number, TestFixtures.WAREHOUSE, "STORE_CREDIT", "36.00",
				ReturnDriver.receipt("{\"1\": 0, \"2\": 3}", null, null));
		this.returns.confirm(number);
		this.returns.runPostingJob(number);

		assertThat(this.ledgers.movements(number)).containsExactly("CUSTOMER_RETURN " + lamp.getSku() + " WT-A 3");
		assertThat(this.ledgers.onHand(lamp.getSku(), TestFixtures.WAREHOUSE)).isEqualTo(3);
		assertThat(this.queries.returnable(two.getNumber())).containsEntry(1, 2).containsEntry(2, 1);
		assertThat(this.queries.get(number).lines())
			.extracting((line) -> line.sku() + " " + line.quantity() + " " + line.receivedQuantity() + " "
					+ line.scrappedQuantity() + " " + line.amount())
			.containsExactly(this.mug.getSku() + " 2 0 0 0.00", lamp.getSku() + " 4 3 0 36.00");
		assertThat(this.ledgers.postings(number)).containsExactly("6001 31.86 0.00", "2221.01 4.14 0.00",
				"2203 0.00 36.00", "1405 18.00 0.00", "6401 0.00 18.00");
	}

	@Test
	void allScrappedReceiptComesInAndGoesOutAsScrap() {
		String number = this.returns.request(this.order.getNumber(), "DAMAGED", "REFUND", this.mug.getSku(), 2);
		this.returns.approveProcessAndConfirm(number, "ORIGINAL_PAYMENT", 51,
				ReturnDriver.receipt(null, "{\"1\": 2}", null));

		assertThat(this.ledgers.movements(number)).containsExactly("CUSTOMER_RETURN " + this.mug.getSku() + " WT-A 2",
				"SCRAP " + this.mug.getSku() + " WT-A -2");
		assertThat(this.ledgers.onHand(this.mug.getSku(), TestFixtures.WAREHOUSE)).isEqualTo(7);
		assertThat(this.queries.get(number).lines()).singleElement().satisfies((line) -> {
			assertThat(line.receivedQuantity()).isEqualTo(2);
			assertThat(line.scrappedQuantity()).isEqualTo(2);
		});
		assertThat(this.ledgers.levelsNotEqualToMovements()).isEmpty();
	}

	@Test
	void supplierReturnSendsOnlyTheUnitsHandedToTheSupplier() {
		Product kettle = this.fixtures.product("40.00", 0);
		TradeOrder purchase = this.fixtures.receivedPurchase(3, line(kettle, 20, "24.00"));
		String number = this.returns.request(purchase.getNumber(), "DEFECTIVE", "REFUND", kettle.getSku(), 5);
		this.returns.approveProcessAndConfirm(number, "BANK_TRANSFER", "96.00",
				ReturnDriver.receipt("{\"1\": 4}", null, null));

		assertThat(this.ledgers.movements(number)).containsExactly("SUPPLIER_RETURN " + kettle.getSku() + " WT-A -4");
		assertThat(this.ledgers.onHand(kettle.getSku(), TestFixtures.WAREHOUSE)).isEqualTo(16);
		// 4 × 21.24 out; 96.00 owed, of which 11.04 input VAT: no loss
		assertThat(this.ledgers.postings(number)).containsExactly("1221 96.00 0.00", "1405 0.00 84.96",
				"2221.03 0.00 11.04");
		assertThat(this.queries.returnable(purchase.getNumber())).containsEntry(1, 16);
	}

	@Test
	void reprocessingAfterFinanceSentItBackMayReceiveMoreOnlyOfUnitsNoOtherReturnTook() {
		String number = this.returns.request(this.order.getNumber(), "DEFECTIVE", "REFUND", this.mug.getSku(), 3);
		this.returns.approve(number, ReturnDriver.APPROVER);
		this.returns.process(number, TestFixtures.WAREHOUSE, "CASH", "25.50",
				ReturnDriver.receipt("{\"1\": 1}", null, null));
		this.returns.sendBack(number, "Two units are on the shelf, count again");
		// meanwhile another clerk returns one of the two units released
		String other = this.returns.request(this.order.getNumber(), "DEFECTIVE", "REFUND", this.mug.getSku(), 1);

		// the form starts from what was recorded
		assertThat(this.engine.getTaskService()
			.getVariableLocal(this.returns.task(number, ReturnProcess.TASK_PROCESS).getId(), "receipt")
			.toString()).contains("\"asked\":3").contains("\"received\":1");
		assertThatThrownBy(() -> this.returns.process(number, TestFixtures.WAREHOUSE, "CASH", "76.50", null))
			.satisfies((ex) -> assertThat(rootMessage(ex))
				.isEqualTo("Only 2 unit(s) of %s on order %s are not held by other returns; 3 received"
					.formatted(this.mug.getSku(), this.order.getNumber())));
		assertThat(this.returns.instance(number)).isWaitingAt(ReturnProcess.TASK_PROCESS);
		assertThat(this.queries.get(number).lines().get(0).receivedQuantity()).isEqualTo(1);

		this.returns.process(number, TestFixtures.WAREHOUSE, "CASH", "51.00",
				ReturnDriver.receipt("{\"1\": 2}", null, null));
		assertThat(this.queries.get(number).lines().get(0).receivedQuantity()).isEqualTo(2);
		assertThat(this.queries.returnable(this.order.getNumber())).containsEntry(1, 0);
		assertThat(this.ledgers.status(other)).isEqualTo("SUBMITTED");
	}

	@Test
	void requesterCannotApproveTheirOwnReturn() {
		String number = this.returns.request(this.order.getNumber(), "DAMAGED", "REFUND", this.mug.getSku(), 1);

		// as a member of the approvers: the engine refuses them the task
		assertThatThrownBy(() -> this.returns.approve(number, ReturnDriver.CLERK))
			.isInstanceOf(AuthorizationException.class)
			.hasMessageContaining("'clerk' does not have one of the following permissions: 'TASK_WORK'");
		// through the Java API, which the engine does not check: the task listener
		// refuses
		String task = this.returns.task(number, ReturnProcess.TASK_APPROVE).getId();
		this.engine.getTaskService().setAssignee(task, ReturnDriver.CLERK);
		assertThatThrownBy(() -> this.engine.getTaskService().complete(task, Map.of(ReturnProcess.VAR_APPROVED, true)))
			.satisfies((ex) -> assertThat(rootMessage(ex))
				.isEqualTo("clerk requested return %s and cannot also approve it: another approver must decide"
					.formatted(number)));

		assertThat(this.returns.instance(number)).isWaitingAt(ReturnProcess.TASK_APPROVE);
		assertThat(this.ledgers.status(number)).isEqualTo("SUBMITTED");
		assertThat(this.ledgers.notifications(number)).isEmpty();
	}

	@Test
	void refundAboveTheReturnedValueIsRefusedAndChangesNothing() {
		String number = this.returns.request(this.order.getNumber(), "DAMAGED", "REFUND", this.mug.getSku(), 2);
		this.returns.approve(number, ReturnDriver.APPROVER);

		assertThatThrownBy(
				() -> this.returns.process(number, TestFixtures.WAREHOUSE, "CASH", new BigDecimal("51.01"), null))
			.satisfies((ex) -> assertThat(rootMessage(ex))
				.isEqualTo("The refund of 51.01 exceeds the value of the units received, 51.00"));

		ProcessInstance instance = this.returns.instance(number);
		assertThat(instance).isWaitingAt(ReturnProcess.TASK_PROCESS);
		assertThat(this.engine.getRuntimeService().getVariable(instance.getId(), ReturnProcess.VAR_PROCESSOR_ID))
			.isNull();
		assertThat(this.ledgers.status(number)).isEqualTo("APPROVED");
	}

	@Test
	void unknownWarehouseIsRefused() {
		String number = this.returns.request(this.order.getNumber(), "DAMAGED", "REFUND", this.mug.getSku(), 1);
		this.returns.approve(number, ReturnDriver.APPROVER);

		assertThatThrownBy(() -> this.returns.process(number, "NOWHERE", "CASH", 1, null))
			.satisfies((ex) -> assertThat(rootMessage(ex)).isEqualTo("'NOWHERE' is not a warehouse"));
		assertThat(this.ledgers.status(number)).isEqualTo("APPROVED");
	}

	@Test
	void eachTaskIsNamedAfterItsReturnAndIsDueWhenItsStepSays() {
		String number = this.returns.request(this.order.getNumber(), "DAMAGED", "REFUND", this.mug.getSku(), 2);
		String party = this.order.getParty().getName();
		Task approval = this.returns.task(number, ReturnProcess.TASK_APPROVE);
		assertThat(approval.getName()).isEqualTo("Approve return 退货审批 · %s · %s · CNY 51.00", number, party);
		assertThat(dueAfter(approval)).isEqualTo(Duration.ofDays(2));

		this.returns.reject(number, "Photos missing");
		Task revision = this.returns.task(number, ReturnProcess.TASK_REVISE);
		assertThat(revision.getName()).isEqualTo("Revise return 修改退货 · %s · %s · CNY 51.00", number, party);
		assertThat(dueAfter(revision)).isEqualTo(Duration.ofDays(7));
		this.returns.complete(number, ReturnProcess.TASK_REVISE, ReturnDriver.CLERK,
				Map.of(ReturnProcess.VAR_RESUBMIT, true));

		this.returns.approve(number, ReturnDriver.APPROVER);
		Task processing = this.returns.task(number, ReturnProcess.TASK_PROCESS);
		assertThat(processing.getName()).isEqualTo("Process return 退货处理 · %s · %s · CNY 51.00", number, party);
		assertThat(dueAfter(processing)).isEqualTo(Duration.ofDays(3));

		this.returns.process(number, TestFixtures.WAREHOUSE, "ORIGINAL_PAYMENT", 51.00, null);
		Task confirmation = this.returns.task(number, ReturnProcess.TASK_CONFIRM);
		assertThat(confirmation.getName()).isEqualTo("Confirm return 退货确认 · %s · %s · CNY 51.00", number, party);
		assertThat(dueAfter(confirmation)).isEqualTo(Duration.ofDays(2));

		// the model's steps keep their plain names: the timeline, Cockpit
		assertThat(this.engine.getHistoryService()
			.createHistoricActivityInstanceQuery()
			.processInstanceId(this.returns.instance(number).getId())
			.activityId(ReturnProcess.TASK_APPROVE)
			.list()).extracting(HistoricActivityInstance::getActivityName).containsOnly("Approve return 退货审批");
	}

	/**
	 * How long after its creation the task is due, to the second (both read the clock).
	 */
	private static Duration dueAfter(Task task) {
		return Duration.between(task.getCreateTime().toInstant(), task.getDueDate().toInstant())
			.truncatedTo(ChronoUnit.SECONDS);
	}

	@Test
	void theFormsCopiesLiveWithTheTaskAndStayOutOfHistoryWhileDecisionsAreKept() {
		String number = this.returns.request(this.order.getNumber(), "DAMAGED", "REFUND", this.mug.getSku(), 2);
		String instance = this.returns.instance(number).getId();
		assertThat(formData(number, ReturnProcess.TASK_APPROVE)).containsEntry("orderNumber", this.order.getNumber())
			.containsKeys("lines", "totalAmount", "policyNote")
			.as("only what the approval form mentions")
			.doesNotContainKeys("warehouseOptions", "receipt", "returnType");
		// one variable for the form, two for Tasklist's list: no copy by name
		assertThat(this.engine.getTaskService()
			.getVariablesLocal(this.returns.task(number, ReturnProcess.TASK_APPROVE).getId()))
			.containsOnlyKeys(TaskFormData.VIEW, TaskFormData.RETURN_NUMBER, TaskFormData.PARTY_NAME,
					TaskFormData.TOTAL_AMOUNT)
			.containsEntry(TaskFormData.TOTAL_AMOUNT, "51.00");

		this.returns.approve(number, ReturnDriver.APPROVER);

		HistoryService history = this.engine.getHistoryService();
		assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance).list())
			.extracting(HistoricVariableInstance::getName)
			.contains(ReturnProcess.VAR_RETURN_NUMBER, ReturnProcess.VAR_APPROVED)
			.doesNotContain("orderNumber", "lines", "totalAmount", "policyNote");
		assertThat(history.createHistoricDetailQuery().processInstanceId(instance).variableUpdates().list())
			.extracting((detail) -> ((HistoricVariableUpdate) detail).getVariableName())
			.contains(ReturnProcess.VAR_APPROVED)
			.doesNotContain("orderNumber", "lines", "totalAmount", "policyNote");
		// the next task's form has its own copies
		assertThat(formData(number, ReturnProcess.TASK_PROCESS)).containsEntry("orderNumber", this.order.getNumber())
			.containsKeys("warehouseOptions")
			.doesNotContainKeys("policyNote", "rejectionHistory");
		// and the timeline still tells who decided what
		assertThat(this.queries.get(number).history()).extracting((event) -> event.status() + " " + event.actor())
			.containsExactly("SUBMITTED clerk", "APPROVED approver1");
	}

	/** What the task's form shows: its view, as Tasklist reads it. */
	private java.util.Map<String, Object> formData(String number, String taskKey) {
		Object view = this.engine.getTaskService()
			.getVariableLocal(this.returns.task(number, taskKey).getId(), TaskFormData.VIEW);
		try {
			return new com.fasterxml.jackson.databind.ObjectMapper().readValue(String.valueOf(view),
					new com.fasterxml.jackson.core.type.TypeReference<java.util.Map<String, Object>>() {
					});
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new AssertionError(ex);
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause.getMessage();
	}

	@TestConfiguration
	static class CoverageConfiguration {

		@Bean
		ProcessEngineCoverageProperties coverage() {
			// every flow node and sequence flow of returnRequest is taken by one of these
			// stories
			return ProcessEngineCoverageProperties.Companion.builder().assertClassCoverageAtLeast(1.0).build();
		}

	}

}
