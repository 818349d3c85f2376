package io.returnsdesk.returns.process;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import io.returnsdesk.catalog.Product;
import io.returnsdesk.engine.EngineTime;
import io.returnsdesk.returns.ReturnRequests;
import io.returnsdesk.sales.TradeOrder;
import io.returnsdesk.support.PostgresInitializer;
import io.returnsdesk.support.ReturnDriver;
import io.returnsdesk.support.TestFixtures;
import io.returnsdesk.support.TestUsers;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

import static io.returnsdesk.support.Logins.as;
import static io.returnsdesk.support.TestFixtures.line;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The return process's figures against values worked out by hand from six requests made
 * on 2 November 2026 at 09:00 (T) in Shanghai, looked at on 5 November at 09:00 (T+72h),
 * with an approval reminder after two days. Percentiles interpolate between the nearest
 * values.
 *
 * <pre>
 * R1  approved T+1h, processed +3h, confirmed +0.5h            confirmed, took 4.5h
 * R2  reminders fire T+49h, approved T+50h, processed +5h,
 *     confirmed +1h                                            confirmed, took 56h
 * R3  rejected T+10h, resubmitted +3h, approved +1h            waiting for processing since T+14h
 * R4  rejected T+2h, withdrawn +1h                             withdrawn
 * R5  reminder fires T+49h                                     waiting for approval since T
 * R6  requested T+68h                                          waiting for approval
 *
 * approveReturn  completed 1h 50h 10h 1h 2h  median 2h, p90 10h + 0.6 × 40h = 34h; one past 48h
 * reviseReturn   completed 3h 1h             median 2h, p90 1h + 0.9 × 2h = 2.8h
 * processReturn  completed 3h 5h             median 4h, p90 4.8h; R3 open
 * confirmReturn  completed 0.5h 1h           median 0.75h, p90 0.95h
 * request to confirmation 4.5h 56h           median 30.25h, p90 4.5h + 0.9 × 51.5h = 50.85h
 * </pre>
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ContextConfiguration(initializers = ProcessKpisIntegrationTest.KpiDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcessKpisIntegrationTest {

	static final String USER = "kpianalyst";

	static final int HOUR = 3600;

	static final Instant T = LocalDateTime.parse("2026-11-02T09:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant();

	/** A database of its own, so that the history is this data set's alone. */
	static class KpiDatabase extends PostgresInitializer {

		KpiDatabase() {
			super("kpis");
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReturnDriver driver;

	@Autowired
	ReturnRequests requests;

	@Autowired
	TestUsers users;

	@Autowired
	ManagementService management;

	boolean seeded;

	// once for the class, but inside a test: the process coverage records runs of tests
	// only
	@BeforeEach
	void requestsWorkedOverThreeDays() {
		if (this.seeded) {
			return;
		}
		this.seeded = true;
		this.users.ensure(USER, TestUsers.PASSWORD, "analysts");
		at(0);
		Product product = this.fixtures.product("10.00", 100);
		TradeOrder order = this.fixtures.shippedSale(3, line(product, 20));
		String sku = product.getSku();
		String r1 = this.driver.request(order.getNumber(), "DEFECTIVE", "REFUND", sku, 1);
		String r2 = this.driver.request(order.getNumber(), "DEFECTIVE", "REFUND", sku, 1);
		String r3 = this.driver.request(order.getNumber(), "DAMAGED", "REFUND", sku, 1);
		String r4 = this.driver.request(order.getNumber(), "DAMAGED", "REFUND", sku, 1);
		this.driver.request(order.getNumber(), "WRONG_ITEM", "REFUND", sku, 1);

		at(1);
		this.driver.approve(r1, ReturnDriver.APPROVER);
		at(2);
		this.driver.reject(r4, "No photos");
		at(3);
		this.requests.withdraw(r4, ReturnDriver.CLERK);
		at(4);
		this.driver.process(r1, TestFixtures.WAREHOUSE, "CASH", "10.00", null);
		at(4.5);
		this.driver.confirm(r1);
		this.driver.runPostingJob(r1);

		at(10);
		this.driver.reject(r3, "Wrong reason");
		at(13);
		this.driver.complete(r3, ReturnProcess.TASK_REVISE, ReturnDriver.CLERK,
				Map.of(ReturnProcess.VAR_RESUBMIT, true));
		at(14);
		this.driver.approve(r3, ReturnDriver.APPROVER);

		at(49);
		List<Job> due = this.management.createJobQuery().timers().duedateLowerThan(Date.from(now())).list();
		due.forEach((job) -> this.management.executeJob(job.getId()));
		at(50);
		this.driver.approve(r2, ReturnDriver.APPROVER);
		at(55);
		this.driver.process(r2, TestFixtures.WAREHOUSE, "CASH", "10.00", null);
		at(56);
		this.driver.confirm(r2);
		this.driver.runPostingJob(r2);

		at(68);
		this.driver.request(order.getNumber(), "WRONG_ITEM", "REFUND", sku, 1);
		at(72);
	}

	@AfterEach
	void realTime() {
		EngineTime.reset();
	}

	@Test
	void measuresEachStepsWaitingTimeAndTheWorkWaitingNow() throws Exception {
		at(72);
		this.mvc.perform(as(USER, get("/api/reports/process")).param("from", "2026-11-02").param("to", "2026-11-05"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.steps[*].step").value(contains(ReturnProcess.TASK_APPROVE, ReturnProcess.TASK_REVISE,
					ReturnProcess.TASK_PROCESS, ReturnProcess.TASK_CONFIRM)))
			.andExpect(jsonPath("$.steps[0].name").value("Approve return 退货审批"))
			.andExpect(jsonPath("$.steps[*].completed").value(contains(5, 2, 2, 2)))
			.andExpect(jsonPath("$.steps[*].medianWaitSeconds")
				.value(contains(2 * HOUR, 2 * HOUR, 4 * HOUR, (int) (0.75 * HOUR))))
			.andExpect(jsonPath("$.steps[*].p90WaitSeconds")
				.value(contains(34 * HOUR, (int) (2.8 * HOUR), (int) (4.8 * HOUR), (int) (0.95 * HOUR))))
			.andExpect(jsonPath("$.steps[*].openNow").value(contains(2, 0, 1, 0)))
			.andExpect(jsonPath("$.steps[0].oldestOpenSince").value(T.toString()))
			.andExpect(jsonPath("$.steps[2].oldestOpenSince").value(T.plus(Duration.ofHours(14)).toString()))
			.andExpect(jsonPath("$.lifecycle.completed").value(2))
			.andExpect(jsonPath("$.lifecycle.medianSeconds").value((int) (30.25 * HOUR)))
			.andExpect(jsonPath("$.lifecycle.p90Seconds").value((int) (50.85 * HOUR)))
			.andExpect(jsonPath("$.approvals.reminderAfter").value("PT48H"))
			.andExpect(jsonPath("$.approvals.completedPastReminder").value(1))
			.andExpect(jsonPath("$.approvals.remindersSent").value(2))
			.andExpect(jsonPath("$.approvals.openPastReminder").value(1))
			.andExpect(jsonPath("$.requests.started").value(6))
			.andExpect(jsonPath("$.requests.rejected").value(2))
			.andExpect(jsonPath("$.requests.resubmitted").value(1))
			.andExpect(jsonPath("$.requests.withdrawn").value(1))
			.andExpect(jsonPath("$.requests.confirmed").value(2))
			.andExpect(jsonPath("$.requests.open").value(3))
			.andExpect(jsonPath("$.requests.rejectedShare").value(0.3333))
			.andExpect(jsonPath("$.requests.resubmittedShare").value(0.1667))
			.andExpect(jsonPath("$.requests.withdrawnShare").value(0.1667))
			.andExpect(jsonPath("$.requests.confirmedShare").value(0.3333))
			.andExpect(jsonPath("$.postingsWaiting").value(0))
			.andExpect(jsonPath("$.incidents").value(0));
	}

	/**
	 * 2 November alone (T to T+15h): approvals R1 1h, R4 2h, R3 10h and 1h; five
	 * requests; one confirmation.
	 */
	@Test
	void countsOnlyWhatEndedOrBeganInThePeriod() throws Exception {
		at(72);
		this.mvc.perform(as(USER, get("/api/reports/process")).param("from", "2026-11-02").param("to", "2026-11-02"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.steps[*].completed").value(contains(4, 2, 1, 1)))
			.andExpect(jsonPath("$.steps[0].medianWaitSeconds").value((int) (1.5 * HOUR)))
			.andExpect(jsonPath("$.steps[0].p90WaitSeconds").value((int) (7.6 * HOUR)))
			.andExpect(jsonPath("$.steps[*].openNow").value(contains(2, 0, 1, 0)))
			.andExpect(jsonPath("$.lifecycle.completed").value(1))
			.andExpect(jsonPath("$.lifecycle.medianSeconds").value((int) (4.5 * HOUR)))
			.andExpect(jsonPath("$.approvals.remindersSent").value(0))
			.andExpect(jsonPath("$.requests.started").value(5));
	}

	@Test
	void answersAnEmptyPeriodWithZerosAndNoTimes() throws Exception {
		at(72);
		this.mvc.perform(as(USER, get("/api/reports/process")).param("from", "2026-10-01").param("to", "2026-10-31"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.steps[*].completed").value(contains(0, 0, 0, 0)))
			.andExpect(jsonPath("$.steps[0].medianWaitSeconds").doesNotExist())
			.andExpect(jsonPath("$.lifecycle.completed").value(0))
			.andExpect(jsonPath("$.requests.started").value(0))
			.andExpect(jsonPath("$.requests.rejectedShare").doesNotExist());
	}

	@Test
	void refusesAPeriodThatEndsBeforeItStarts() throws Exception {
		this.mvc.perform(as(USER, get("/api/reports/process")).param("from", "2026-11-05").param("to", "2026-11-02"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("The period ends (2026-11-02) before it starts (2026-11-05)"));
		this.mvc.perform(as(USER, get("/api/reports/process")).param("from", "yesterday"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("'yesterday' is not a date like 2026-11-26"));
	}

	@Test
	void isForLoggedInUsersOnly() throws Exception {
		this.mvc.perform(get("/api/reports/process")).andExpect(status().isUnauthorized());
	}

	private static Instant now() {
		return EngineTime.now();
	}

	private static void at(double hoursAfterT) {
		EngineTime.set(T.plusSeconds(Math.round(hoursAfterT * HOUR)));
	}

}
