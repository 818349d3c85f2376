package io.returnsdesk.returns.process;

import io.returnsdesk.catalog.Product;
import io.returnsdesk.finance.GeneralLedger;
import io.returnsdesk.sales.TradeOrder;
import io.returnsdesk.support.IntegrationTest;
import io.returnsdesk.support.Ledgers;
import io.returnsdesk.support.ReturnDriver;
import io.returnsdesk.support.TestFixtures;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static io.returnsdesk.support.TestFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

/**
 * The engine and the domain share one transaction: when a step fails after the stock has
 * been written, the stock movement, the status and the engine's progress are all undone,
 * and the retried job posts everything exactly once.
 */
@IntegrationTest
class OneTransactionIntegrationTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReturnDriver returns;

	@Autowired
	Ledgers ledgers;

	@MockitoSpyBean
	GeneralLedger financeLedger;

	@Test
	void failureAfterStockWriteRollsBackEngineAndDomainTogether() {
		BpmnAwareTests.init(this.engine);
		Product chair = this.fixtures.product("80.00", 4);
		TradeOrder order = this.fixtures.shippedSale(2, line(chair, 2));
		String number = this.returns.request(order.getNumber(), "DEFECTIVE", "REFUND", chair.getSku(), 2);
		this.returns.approve(number, ReturnDriver.APPROVER);
		this.returns.process(number, TestFixtures.WAREHOUSE, "CASH", 160, null);
		this.returns.confirm(number);
		doThrow(new IllegalStateException("ledger is down")).when(this.financeLedger)
			.post(argThat((entry) -> entry.reference().equals(number)));

		assertThatThrownBy(() -> this.returns.runPostingJob(number)).hasMessageContaining("ledger is down");

		// the stock movement was written before the failure, and is gone with it
		assertThat(this.ledgers.movements(number)).isEmpty();
		assertThat(this.ledgers.onHand(chair.getSku(), TestFixtures.WAREHOUSE)).isEqualTo(2);
		assertThat(this.ledgers.status(number)).isEqualTo("PROCESSED");
		assertThat(this.ledgers.notifications(number)).doesNotContain("RETURN_CONFIRMED clerk");
		Job job = this.returns.postingJob(number);
		assertThat(job).isNotNull();
		assertThat(this.returns.instance(number)).isWaitingAt(ReturnProcess.TASK_POST_STOCK_MOVEMENTS);

		doCallRealMethod().when(this.financeLedger).post(argThat((entry) -> entry.reference().equals(number)));
		this.returns.runPostingJob(number);

		assertThat(this.ledgers.movements(number)).containsExactly("CUSTOMER_RETURN " + chair.getSku() + " WT-A 2");
		assertThat(this.ledgers.onHand(chair.getSku(), TestFixtures.WAREHOUSE)).isEqualTo(4);
		// 160.00 refunded at 13 %: 141.59 net, 18.41 tax; two chairs back at their cost,
		// 40.00
		assertThat(this.ledgers.postings(number)).containsExactly("6001 141.59 0.00", "2221.01 18.41 0.00",
				"1001 0.00 160.00", "1405 80.00 0.00", "6401 0.00 80.00");
		assertThat(this.ledgers.status(number)).isEqualTo("CONFIRMED");
		assertThat(this.returns.instance(number)).isNull();
	}

}
