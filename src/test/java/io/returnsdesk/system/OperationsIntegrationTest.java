package io.returnsdesk.system;

import io.micrometer.core.instrument.MeterRegistry;
import io.returnsdesk.catalog.Product;
import io.returnsdesk.sales.TradeOrder;
import io.returnsdesk.support.IntegrationTest;
import io.returnsdesk.support.ReturnDriver;
import io.returnsdesk.support.TestFixtures;
import io.returnsdesk.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static io.returnsdesk.support.Logins.as;
import static io.returnsdesk.support.TestFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Health for load balancers, and the returns' figures in Prometheus's format for the
 * administrators: created, by status once committed, incidents, postings waiting.
 */
@IntegrationTest
@AutoConfigureMockMvc
// tests export no metrics unless asked: this one checks what Prometheus reads
@AutoConfigureObservability(tracing = false)
class OperationsIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReturnDriver driver;

	@Autowired
	TestUsers users;

	@Autowired
	MeterRegistry meters;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void people() {
		this.users.ensure("opsadmin", TestUsers.PASSWORD, "camunda-admin");
		this.users.ensure("opsclerk", TestUsers.PASSWORD, "sales");
	}

	@Test
	void answersHealthToEveryoneWithItsPartsForAdministrators() throws Exception {
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
		this.mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
		this.mvc.perform(as("opsadmin", get("/actuator/health")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components.db.status").value("UP"))
			.andExpect(jsonPath("$.components.processEngine.status").value("UP"));
	}

	@Test
	void countsReturnsByStatusOnceCommittedForPrometheus() throws Exception {
		double created = count("returns.requested", null);
		double confirmed = count("returns.status.changes", "CONFIRMED");
		Product mug = this.fixtures.product("12.00", 10);
		TradeOrder order = this.fixtures.shippedSale(3, line(mug, 4));
		this.driver.confirmedReturn(order.getNumber(), "CASH", "12.00", mug.getSku(), 1);
		String waiting = this.driver.request(order.getNumber(), "DAMAGED", "REFUND", mug.getSku(), 1);
		this.driver.approve(waiting, ReturnDriver.APPROVER);
		this.driver.process(waiting, TestFixtures.WAREHOUSE, "CASH", "12.00", null);
		this.driver.confirm(waiting);

		assertThat(count("returns.requested", null)).isEqualTo(created + 2);
		assertThat(count("returns.status.changes", "CONFIRMED")).as("the second waits for its posting")
			.isEqualTo(confirmed + 1);
		this.mvc.perform(as("opsadmin", get("/actuator/prometheus")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("returns_requested_total")))
			.andExpect(content().string(containsString("returns_status_changes_total{status=\"CONFIRMED\"}")))
			.andExpect(content().string(containsString("returns_postings_waiting")))
			.andExpect(content().string(containsString("returns_incidents")))
			.andExpect(content().string(containsString("returns_mail_outbox{status=\"PENDING\"}")));
		// the confirmed return mailed its requester's group and the warehouse: queued,
		// not
		// sent (sending is off in the tests)
		assertThat(this.meters.get("returns.mail.outbox").tag("status", "PENDING").gauge().value())
			.isEqualTo(this.jdbc.queryForObject("select count(*) from mail_outbox where status = 'PENDING'", Long.class)
				.doubleValue());
		assertThat(this.meters.get("returns.postings.waiting").gauge().value()).isGreaterThanOrEqualTo(1);

		this.mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
		this.mvc.perform(as("opsclerk", get("/actuator/prometheus"))).andExpect(status().isForbidden());
		this.driver.runPostingJob(waiting);
		assertThat(count("returns.status.changes", "CONFIRMED")).isEqualTo(confirmed + 2);
	}

	private double count(String name, String status) {
		return (status != null) ? this.meters.get(name).tag("status", status).counter().count()
				: this.meters.get(name).counter().count();
	}

}
