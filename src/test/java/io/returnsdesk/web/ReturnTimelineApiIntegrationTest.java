package io.returnsdesk.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.returnsdesk.catalog.Product;
import io.returnsdesk.returns.process.ReturnProcess;
import io.returnsdesk.sales.TradeOrder;
import io.returnsdesk.support.IntegrationTest;
import io.returnsdesk.support.ReturnDriver;
import io.returnsdesk.support.TestFixtures;
import io.returnsdesk.support.TestUsers;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static io.returnsdesk.support.Logins.as;
import static io.returnsdesk.support.TestFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A return's timeline, told from the engine's history and the return's own events, and
 * where its process stands, as the desk links into Tasklist and Cockpit.
 */
@IntegrationTest
@AutoConfigureMockMvc
class ReturnTimelineApiIntegrationTest {

	static final String USER = "timelineclerk";

	static final String APPROVE = "Approve return 退货审批";

	static final String REVISE = "Revise return 修改退货";

	static final String PROCESS = "Process return 退货处理";

	static final String CONFIRM = "Confirm return 退货确认";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReturnDriver driver;

	@Autowired
	TestUsers users;

	@Autowired
	ManagementService management;

	@Autowired
	HistoryService history;

	Product kettle;

	TradeOrder order;

	@BeforeEach
	void shipTwoKettles() {
		this.users.ensure(USER, TestUsers.PASSWORD, "sales");
		this.kettle = this.fixtures.product("120.00", 5);
		this.order = this.fixtures.shippedSale(2, line(this.kettle, 2));
	}

	@Test
	void tellsEveryStepWithItsActorAndNoteInOrder() throws Exception {
		String number = requestReturn("REFUND");
		String processInstanceId = this.driver.instance(number).getId();
		this.driver.reject(number, "No photo of the damage");
		this.mvc
			.perform(as(USER, put("/api/returns/" + number)).contentType(MediaType.APPLICATION_JSON)
				.content(body("REFUND", 2)))
			.andExpect(status().isOk());
		this.driver.approve(number, ReturnDriver.APPROVER);
		this.driver.process(number, TestFixtures.WAREHOUSE, "CASH", new BigDecimal("240.00"), null);
		this.driver.sendBack(number, "Refund is above the receipt");
		this.driver.process(number, TestFixtures.WAREHOUSE, "CASH", new BigDecimal("200"), null);
		this.driver.confirm(number);
		this.driver.runPostingJob(number);

		String json = timeline(number).andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$[*].kind",
					contains("REQUESTED", "TASK_CREATED", "REJECTED", "TASK_CREATED", "RESUBMITTED", "TASK_CREATED",
							"APPROVED", "TASK_CREATED", "PROCESSED", "TASK_CREATED", "SENT_BACK", "TASK_CREATED",
							"PROCESSED", "TASK_CREATED", "CONFIRMED", "POSTED")))
			.andExpect(jsonPath("$[*].actor",
					contains(USER, null, ReturnDriver.APPROVER, null, USER, null, ReturnDriver.APPROVER, null,
							ReturnDriver.WAREHOUSE_CLERK, null, ReturnDriver.ACCOUNTANT, null,
							ReturnDriver.WAREHOUSE_CLERK, null, ReturnDriver.ACCOUNTANT, ReturnDriver.ACCOUNTANT)))
			.andExpect(jsonPath("$[*].task",
					contains(null, APPROVE, APPROVE, REVISE, REVISE, APPROVE, APPROVE, PROCESS, PROCESS, CONFIRM,
							CONFIRM, PROCESS, PROCESS, CONFIRM, CONFIRM, null)))
			.andExpect(jsonPath("$[*].note",
					contains(null, "Waiting for group approvers", "No photo of the damage", "Assigned to " + USER, null,
							"Waiting for group approvers", null, "Waiting for group warehouse",
							"Warehouse WT-A, refund 240.00 by Cash 现金", "Waiting for group finance",
							"Refund is above the receipt", "Waiting for group warehouse",
							"Warehouse WT-A, refund 200.00 by Cash 现金", "Waiting for group finance", null,
							"Stock movements and finance entries posted")))
			.andExpect(jsonPath("$[*].processInstanceId", everyItem(org.hamcrest.Matchers.is(processInstanceId))))
			.andReturn()
			.getResponse()
			.getContentAsString();

		List<String> times = JsonPath.read(json, "$[*].at");
		assertThat(times).extracting(Instant::parse).isSorted();
		// a task's creation and its completion carry the same task id
		List<String> taskIds = JsonPath.read(json, "$[*].taskId");
		assertThat(taskIds.get(0)).isNull();
		assertThat(taskIds.get(1)).isNotNull().isEqualTo(taskIds.get(2));
		assertThat(taskIds.get(3)).isNotNull().isEqualTo(taskIds.get(4)).isNotEqualTo(taskIds.get(1));
		assertThat(taskIds.get(15)).isNull();
	}

	@Test
	void showsTheApproversReminderWhenTheApprovalIsOverdue() throws Exception {
		String number = requestReturn("REFUND");
		Job reminder = this.management.createJobQuery()
			.processInstanceId(this.driver.instance(number).getId())
			.timers()
			.activityId(ReturnProcess.TIMER_APPROVAL_OVERDUE)
			.singleResult();
		this.management.executeJob(reminder.getId());
		this.driver.approve(number, ReturnDriver.APPROVER);

		timeline(number).andExpect(status().isOk())
			.andExpect(jsonPath("$[*].kind",
					contains("REQUESTED", "TASK_CREATED", "REMINDER", "APPROVED", "TASK_CREATED")))
			.andExpect(jsonPath("$[2].note").value("The approval is overdue; reminded group approvers"))
			.andExpect(jsonPath("$[2].actor").value(nullValue()));
	}

	@Test
	void showsTheReplacementShipmentOfAnExchange() throws Exception {
		String number = requestReturn("EXCHANGE");
		this.driver.approveProcessAndConfirm(number, "STORE_CREDIT", BigDecimal.ZERO, null);

		timeline(number).andExpect(status().isOk())
			.andExpect(jsonPath("$[-3].kind").value("CONFIRMED"))
			.andExpect(jsonPath("$[-2].kind").value("POSTED"))
			.andExpect(jsonPath("$[-1].kind").value("REPLACEMENT"))
			.andExpect(jsonPath("$[-1].note").value("Replacement shipment raised on order " + this.order.getNumber()));
	}

	@Test
	void tellsTheStoryFromTheReturnsOwnEventsOnceTheEnginesHistoryIsGone() throws Exception {
		String number = requestReturn("REFUND");
		String processInstanceId = this.driver.instance(number).getId();
		this.driver.reject(number, "Out of the return window");
		this.mvc.perform(as(USER, post("/api/returns/%s/withdraw".formatted(number)))).andExpect(status().isOk());
		this.history.deleteHistoricProcessInstance(processInstanceId);

		timeline(number).andExpect(status().isOk())
			.andExpect(jsonPath("$[*].kind", contains("REQUESTED", "REJECTED", "WITHDRAWN")))
			.andExpect(jsonPath("$[*].actor", contains(USER, ReturnDriver.APPROVER, USER)))
			.andExpect(jsonPath("$[1].note").value("Out of the return window"))
			.andExpect(jsonPath("$[*].processInstanceId", everyItem(nullValue())));
		this.mvc.perform(as(USER, get("/api/returns/%s/process".formatted(number))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.processInstanceId").value(nullValue()))
			.andExpect(jsonPath("$.openTasks").isEmpty());
	}

	@Test
	void showsTheOpenTaskWithItsCandidatesAndTheLinksIntoTasklistAndCockpit() throws Exception {
		String number = requestReturn("REFUND");
		String processInstanceId = this.driver.instance(number).getId();
		Task approval = this.driver.task(number, ReturnProcess.TASK_APPROVE);

		this.mvc.perform(as(USER, get("/api/returns/%s/process".formatted(number))))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.returnNumber").value(number))
			.andExpect(jsonPath("$.processInstanceId").value(processInstanceId))
			.andExpect(jsonPath("$.state").value("ACTIVE"))
			.andExpect(jsonPath("$.cockpitPath", startsWith("/camunda/app/cockpit/")))
			.andExpect(jsonPath("$.cockpitPath", endsWith("/#/process-instance/" + processInstanceId)))
			.andExpect(jsonPath("$.openTasks.length()").value(1))
			.andExpect(jsonPath("$.openTasks[0].id").value(approval.getId()))
			.andExpect(jsonPath("$.openTasks[0].definitionKey").value(ReturnProcess.TASK_APPROVE))
			// the task's own name, which says which return it is
			.andExpect(jsonPath("$.openTasks[0].name", startsWith(APPROVE + " · " + number + " · ")))
			.andExpect(jsonPath("$.openTasks[0].name").value(approval.getName()))
			.andExpect(jsonPath("$.openTasks[0].assignee").value(nullValue()))
			.andExpect(jsonPath("$.openTasks[0].candidateGroups", contains("approvers")))
			.andExpect(jsonPath("$.openTasks[0].tasklistPath", startsWith("/camunda/app/tasklist/")))
			.andExpect(jsonPath("$.openTasks[0].tasklistPath", endsWith("/#/?task=" + approval.getId())));

		this.driver.reject(number, "Wrong order");
		this.mvc.perform(as(USER, get("/api/returns/%s/process".formatted(number))))
			.andExpect(jsonPath("$.openTasks[0].definitionKey").value(ReturnProcess.TASK_REVISE))
			.andExpect(jsonPath("$.openTasks[0].assignee").value(USER))
			.andExpect(jsonPath("$.openTasks[0].candidateGroups").isEmpty());

		this.mvc.perform(as(USER, post("/api/returns/%s/withdraw".formatted(number)))).andExpect(status().isOk());
		this.mvc.perform(as(USER, get("/api/returns/%s/process".formatted(number))))
			.andExpect(jsonPath("$.processInstanceId").value(processInstanceId))
			.andExpect(jsonPath("$.state").value("COMPLETED"))
			.andExpect(jsonPath("$.openTasks").isEmpty());
	}

	@Test
	void answersNotFoundForAnUnknownReturnAndNeedsALogin() throws Exception {
		timeline("RT-19990101-0001").andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("There is no return RT-19990101-0001"));
		this.mvc.perform(as(USER, get("/api/returns/RT-19990101-0001/process")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/api/returns/RT-19990101-0001/timeline")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/returns/RT-19990101-0001/process")).andExpect(status().isUnauthorized());
	}

	private String requestReturn(String resolution) throws Exception {
		String location = this.mvc
			.perform(
					as(USER, post("/api/returns")).contentType(MediaType.APPLICATION_JSON).content(body(resolution, 1)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		return location.substring(location.lastIndexOf('/') + 1);
	}

	private String body(String resolution, int quantity) {
		return """
				{"orderNumber":"%s","reason":"DAMAGED","reasonDetail":"Dented","resolution":"%s",
				 "lines":[{"sku":"%s","quantity":%d}]}""".formatted(this.order.getNumber(), resolution,
				this.kettle.getSku(), quantity);
	}

	private ResultActions timeline(String number) throws Exception {
		return this.mvc.perform(as(USER, get("/api/returns/%s/timeline".formatted(number))));
	}

}
