package io.returnsdesk.demo.process;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.returnsdesk.catalog.StoreScope;
import io.returnsdesk.reporting.ReportGrouping;
import io.returnsdesk.reporting.ReturnRateReport;
import io.returnsdesk.reporting.ReturnRateRow;
import io.returnsdesk.reporting.process.ReturnRateReviewProcess;
import io.returnsdesk.returns.ProcessKpiReport;
import io.returnsdesk.returns.ProcessKpis;
import io.returnsdesk.returns.process.ReturnProcess;
import io.returnsdesk.support.Ledgers;
import io.returnsdesk.support.PostgresInitializer;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default run: on an empty database the demo profile seeds master data, orders,
 * earlier returns through the real process and open tasks for every group, once.
 */
// seeded by the test rather than at start-up, so that process coverage sees the runs
@SpringBootTest(properties = "returns.demo.seed-at-startup=false")
@ActiveProfiles({ "test", "demo" })
@ContextConfiguration(initializers = DemoDataIntegrationTest.DemoDatabase.class)
class DemoDataIntegrationTest {

	/** A database of its own: the demo seeds only an empty one. */
	static class DemoDatabase extends PostgresInitializer {

		DemoDatabase() {
			super("demo");
		}

	}

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Ledgers ledgers;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	@Autowired
	FilterService filters;

	@Autowired
	DemoSetup setup;

	@Autowired
	ReturnRateReport report;

	@Autowired
	ProcessKpis kpis;

	@Autowired
	Clock clock;

	@Test
	void seedsAShopWithHistoryAndWorkWaitingInEveryStep() {
		this.setup.seed();

		assertThat(this.ledgers.count("store")).isEqualTo(3);
		assertThat(this.ledgers.count("warehouse")).isEqualTo(4);
		assertThat(this.ledgers.count("product")).isEqualTo(66);
		assertThat(count("select count(distinct vat_rate) from product")).as("13 %, 9 %, 6 % and 0").isEqualTo(4);
		assertThat(count("select count(*) from trade_order where type = 'SALES'")).isGreaterThan(300);
		assertThat(count("select count(*) from trade_order where type = 'PURCHASE'")).isEqualTo(60);
		// self-service: every customer has a mobile number, every sale carries its
		// customer's
		assertThat(count("select count(*) from party where kind = 'CUSTOMER' and phone not like '139________'"))
			.isZero();
		assertThat(count("""
				select count(*) from trade_order o join party p on p.id = o.party_id
				where o.type = 'SALES' and (o.customer_phone is null or o.customer_phone <> p.phone)""")).isZero();
		// the README's customer to try: C007, phone ending 1348, with shipped orders
		assertThat(this.jdbc.queryForObject("select phone from party where code = 'C007'", String.class))
			.isEqualTo("13922811348");
		assertThat(count("""
				select count(*) from trade_order o join party p on p.id = o.party_id
				where p.code = 'C007' and o.status = 'FULFILLED'""")).isGreaterThan(3);
		assertThat(count("select count(*) from trade_order where status = 'OPEN'")).isPositive();
		assertThat(count("select count(*) from return_order where status = 'CONFIRMED'")).isGreaterThanOrEqualTo(20);
		assertThat(count("select count(*) from return_order where type = 'SUPPLIER'")).isPositive();
		assertThat(count("select count(*) from return_order where status = 'WITHDRAWN'")).isEqualTo(1);
		assertThat(count("select count(distinct cast(requested_at as date)) from return_order")).isGreaterThan(15);

		assertThat(this.tasks.createTaskQuery()
			.taskDefinitionKey(ReturnProcess.TASK_APPROVE)
			.taskCandidateGroup("approvers")
			.count()).isGreaterThanOrEqualTo(2);
		assertThat(this.tasks.createTaskQuery()
			.taskDefinitionKey(ReturnProcess.TASK_APPROVE)
			.taskCandidateGroup("managers")
			.count()).isGreaterThanOrEqualTo(1);
		assertThat(
				this.tasks.createTaskQuery().taskDefinitionKey(ReturnProcess.TASK_REVISE).taskAssignee("sales").count())
			.isEqualTo(2);
		assertThat(this.tasks.createTaskQuery().taskDefinitionKey(ReturnProcess.TASK_PROCESS).count()).isEqualTo(2);
		assertThat(this.tasks.createTaskQuery().taskDefinitionKey(ReturnProcess.TASK_CONFIRM).count()).isEqualTo(2);

		for (String user : new String[] { "sales", "approver", "manager", "warehouse", "finance", "analyst",
				"admin" }) {
			assertThat(this.identity.checkPassword(user, "demo")).as(user).isTrue();
		}
		assertThat(this.identity.createUserQuery().memberOfGroup("camunda-admin").singleResult().getId())
			.isEqualTo("admin");
		assertThat(this.filters.createTaskFilterQuery().count()).isEqualTo(6);

		assertThat(this.ledgers.levelsNotEqualToMovements()).isEmpty();
		assertThat(this.ledgers.unbalancedEntries()).isEmpty();
		assertThat(count("select count(*) from stock_level where on_hand < 0")).isZero();
		// what came back: some parcels short of what was asked, some units written off, a
		// day for every processed return but a returnless refund's (nothing came back)
		assertThat(count("select count(*) from return_line where received_quantity < quantity")).isPositive();
		assertThat(count("select count(*) from return_line where scrapped_quantity > 0")).isPositive();
		assertThat(count("select count(*) from return_order where status in ('PROCESSED', 'CONFIRMED')"
				+ " and returned_on is null and returnless = false"))
			.isZero();
		assertThat(count("select count(*) from return_order where status = 'CONFIRMED' and returnless = true"))
			.isPositive();
		assertThat(this.ledgers.returnTotalsNotEqualToTheirLines()).isEmpty();
		// exchanges for another colour, and none of them holding stock once shipped
		assertThat(count("""
				select count(*) from return_line l join trade_order_line ol on ol.id = l.order_line_id
				where l.exchange_product_id <> ol.product_id""")).isPositive();
		assertThat(count("""
				select count(*) from stock_hold h join return_order r on r.number = h.reference
				where r.status in ('CONFIRMED', 'WITHDRAWN')""")).isZero();
		// the books: a note for every confirmed return, entries that balance, 1405 equal
		// to what the returns moved at cost, values on hand equal to their movements
		assertThat(count("""
				select count(*) from return_order r where r.status = 'CONFIRMED'
				and not exists (select 1 from credit_note n where n.return_number = r.number)""")).isZero();
		assertThat(count("select count(*) from credit_note")).isPositive();
		assertThat(this.ledgers.inventoryDifference()).isZero();
		assertThat(this.ledgers.valuationsNotEqualToMovements()).isEmpty();
		assertThat(count("select count(*) from stock_movement where moved_value is null")).isZero();

		LocalDate today = LocalDate.now(this.clock);
		List<ReturnRateRow> flagged = this.report
			.report(today.minusDays(29), today, ReportGrouping.PRODUCT, false, null)
			.stream()
			.filter(ReturnRateRow::flagged)
			.toList();
		assertThat(flagged).extracting(ReturnRateRow::key).contains("SKU-1011");
		// the goods the customers kept, apart in the reports
		assertThat(this.report.report(today.minusDays(119), today, ReportGrouping.MONTH, false, null)
			.stream()
			.mapToLong(ReturnRateRow::returnlessQuantity)
			.sum()).isPositive();
		assertThat(this.tasks.createTaskQuery()
			.taskDefinitionKey(ReturnRateReviewProcess.TASK_REVIEW)
			.taskCandidateGroup("analysts")
			.count()).isEqualTo(flagged.size());
		assertThat(count("select count(*) from return_rate_review where subject_key = 'SKU-1011' and status = 'OPEN'"))
			.isEqualTo(1);

		ProcessKpiReport process = this.kpis.report(today.minusDays(119), today, StoreScope.everyStore());
		assertThat(process.steps()).allSatisfy((step) -> {
			assertThat(step.completed()).as(step.step()).isPositive();
			assertThat(step.medianWaitSeconds()).as(step.step()).isPositive().isLessThan(step.p90WaitSeconds());
		});
		assertThat(process.approvals().completedPastReminder()).isPositive();
		assertThat(process.approvals().remindersSent()).isPositive();
		assertThat(process.approvals().openPastReminder()).isEqualTo(1);
		assertThat(process.requests().withdrawn()).isEqualTo(1);

		int returns = this.ledgers.count("return_order");
		this.setup.seed();
		assertThat(this.ledgers.count("return_order")).as("seeded once").isEqualTo(returns);
		assertThat(this.filters.createTaskFilterQuery().count()).isEqualTo(6);
	}

	private int count(String sql) {
		return this.jdbc.queryForObject(sql, Integer.class);
	}

}
