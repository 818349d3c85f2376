package io.returnsdesk.support;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.returnsdesk.catalog.Product;
import io.returnsdesk.returns.ReturnRequest;
import io.returnsdesk.returns.ReturnRequests;
import io.returnsdesk.returns.process.ReturnProcess;
import io.returnsdesk.sales.TradeOrder;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;

import org.springframework.stereotype.Component;

/**
 * Works a return through its process as the people of each step would: requests through
 * the application, tasks completed in the engine as the logged-in user.
 */
@Component
public class ReturnDriver {

	public static final String CLERK = "clerk";

	public static final String APPROVER = "approver1";

	public static final String MANAGER = "manager1";

	public static final String WAREHOUSE_CLERK = "wh1";

	public static final String ACCOUNTANT = "fin1";

	private final ReturnRequests requests;

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final ManagementService management;

	private final TestUsers users;

	private final TestFixtures fixtures;

	ReturnDriver(ReturnRequests requests, RuntimeService runtime, TaskService tasks, ManagementService management,
			TestUsers users, TestFixtures fixtures) {
		this.requests = requests;
		this.runtime = runtime;
		this.tasks = tasks;
		this.management = management;
		this.users = users;
		this.fixtures = fixtures;
	}

	/** Requests a return as the clerk: SKU and quantity pairs. */
	public String request(String orderNumber, String reason, String resolution, Object... skuAndQuantity) {
		return this.requests.request(body(orderNumber, reason, resolution, skuAndQuantity), CLERK).number();
	}

	/**
	 * Requests as the clerk a refund of units of a defective product, described in the
	 * given words: the words a search finds the return by.
	 */
	public String requestDescribed(TradeOrder order, String detail, Product product, int quantity) {
		return requestAs(CLERK, order, "DEFECTIVE", detail, product, quantity);
	}

	/**
	 * Requests as the given person a refund of units of one product of the order, for the
	 * reason told in the given words.
	 */
	public String requestAs(String requester, TradeOrder order, String reason, String detail, Product product,
			int quantity) {
		return this.requests
			.request(
					new ReturnRequest(order.getNumber(), reason, detail, "REFUND",
							List.of(new ReturnRequest.Line(product.getSku(), null, BigDecimal.valueOf(quantity)))),
					requester)
			.number();
	}

	/** The body of a request: SKU and quantity pairs. */
	public static ReturnRequest body(String orderNumber, String reason, String resolution, Object... skuAndQuantity) {
		List<ReturnRequest.Line> lines = new ArrayList<>();
		for (int i = 0; i < skuAndQuantity.length; i += 2) {
			lines.add(new ReturnRequest.Line((String) skuAndQuantity[i], null,
					new BigDecimal(skuAndQuantity[i + 1].toString())));
		}
		return new ReturnRequest(orderNumber, reason, "Test: " + reason, resolution, lines);
	}

	public ProcessInstance instance(String number) {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(ReturnProcess.PROCESS_KEY)
			.processInstanceBusinessKey(number)
			.singleResult();
	}

	public Task task(String number, String taskKey) {
		return this.tasks.createTaskQuery()
			.processInstanceBusinessKey(number)
			.taskDefinitionKey(taskKey)
			.singleResult();
	}

	public void approve(String number, String approver) {
		complete(number, ReturnProcess.TASK_APPROVE, approver, Map.of(ReturnProcess.VAR_APPROVED, true));
	}

	public void reject(String number, String reason) {
		reject(number, APPROVER, reason);
	}

	public void reject(String number, String approver, String reason) {
		complete(number, ReturnProcess.TASK_APPROVE, approver,
				Map.of(ReturnProcess.VAR_APPROVED, false, ReturnProcess.VAR_REJECTION_REASON, reason));
	}

	/**
	 * Completes the processing task: warehouse, refund, and the receipt's variables (see
	 * {@link #receipt}); without them every unit came back today, none written off.
	 */
	public void process(String number, String warehouse, String refundMethod, Object refundAmount,
			Map<String, Object> receipt) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(ReturnProcess.VAR_WAREHOUSE_CODE, warehouse);
		variables.put(ReturnProcess.VAR_REFUND_METHOD, refundMethod);
		variables.put(ReturnProcess.VAR_REFUND_AMOUNT, refundAmount);
		if (receipt != null) {
			variables.putAll(receipt);
		}
		complete(number, ReturnProcess.TASK_PROCESS, WAREHOUSE_CLERK, variables);
	}

	/**
	 * The receipt's variables as a REST client sends them: units received and written off
	 * as Json objects of line numbers and units (such as {@code {"1": 2}}), the day as
	 * {@code yyyy-MM-dd}; each left out where null.
	 */
	public static Map<String, Object> receipt(String received, String scrapped, String returnedOn) {
		Map<String, Object> variables = new HashMap<>();
		if (received != null) {
			variables.put(ReturnProcess.VAR_RECEIVED_QUANTITIES, SpinValues.jsonValue(received).create());
		}
		if (scrapped != null) {
			variables.put(ReturnProcess.VAR_SCRAPPED_QUANTITIES, SpinValues.jsonValue(scrapped).create());
		}
		if (returnedOn != null) {
			variables.put(ReturnProcess.VAR_RETURNED_ON, returnedOn);
		}
		return variables;
	}

	public void confirm(String number) {
		complete(number, ReturnProcess.TASK_CONFIRM, ACCOUNTANT, Map.of(ReturnProcess.VAR_CONFIRMED, true));
	}

	public void sendBack(String number, String note) {
		complete(number, ReturnProcess.TASK_CONFIRM, ACCOUNTANT,
				Map.of(ReturnProcess.VAR_CONFIRMED, false, ReturnProcess.VAR_CONFIRMATION_NOTE, note));
	}

	/** Runs the job that posts a confirmed return, as the job executor would. */
	public void runPostingJob(String number) {
		this.management.executeJob(postingJob(number).getId());
	}

	public Job postingJob(String number) {
		return this.management.createJobQuery()
			.processInstanceId(instance(number).getId())
			.activityId(ReturnProcess.TASK_POST_STOCK_MOVEMENTS)
			.singleResult();
	}

	/** Requests, approves, processes (full refund, no scrap) and confirms a return. */
	public String confirmedReturn(String orderNumber, String refundMethod, String refund, Object... skuAndQuantity) {
		String number = request(orderNumber, "DEFECTIVE", "REFUND", skuAndQuantity);
		approveProcessAndConfirm(number, refundMethod, new BigDecimal(refund), null);
		return number;
	}

	/**
	 * Two of five lamps at 9.90 shipped yesterday, returned, refunded with 19.80 in cash
	 * and confirmed: a return that passes every step, and is notified of at each.
	 */
	public String confirmedReturnOfTwoLamps() {
		Product lamp = this.fixtures.product("9.90", 10);
		TradeOrder order = this.fixtures.shippedSale(1, TestFixtures.line(lamp, 5));
		return confirmedReturn(order.getNumber(), "CASH", "19.80", lamp.getSku(), 2);
	}

	/**
	 * A kettle at 89.00, two shipped three days ago, one of them asked back as damaged: a
	 * submitted return, to attach proof to.
	 */
	public String requestedReturnOfAKettle() {
		Product kettle = this.fixtures.product("89.00", 5);
		TradeOrder order = this.fixtures.shippedSale(3, TestFixtures.line(kettle, 2));
		return request(order.getNumber(), "DAMAGED", "REFUND", kettle.getSku(), 1);
	}

	/**
	 * Approves a requested return, processes it in the test warehouse with the receipt's
	 * variables (see {@link #process}), confirms it and runs its posting job.
	 */
	public void approveProcessAndConfirm(String number, String refundMethod, Object refundAmount,
			Map<String, Object> receipt) {
		approve(number, APPROVER);
		process(number, TestFixtures.WAREHOUSE, refundMethod, refundAmount, receipt);
		confirm(number);
		runPostingJob(number);
	}

	/**
	 * Approves a requested returnless refund (the customer keeps the goods: the process
	 * records it without the warehouse), confirms it and runs its posting job.
	 */
	public void approveAndConfirmReturnless(String number) {
		approve(number, APPROVER);
		confirm(number);
		runPostingJob(number);
	}

	/** Completes a task as the given user, logged in as Tasklist would have them. */
	public void complete(String number, String taskKey, String user, Map<String, Object> variables) {
		Task task = task(number, taskKey);
		if (task == null) {
			throw new IllegalStateException("Return " + number + " has no open task " + taskKey);
		}
		// a member of the groups the task waits for, as a person who sees it in Tasklist
		// is
		List<String> groups = this.tasks.getIdentityLinksForTask(task.getId())
			.stream()
			.map(IdentityLink::getGroupId)
			.filter(Objects::nonNull)
			.toList();
		// a task assigned to its requester waits for a clerk in sales
		this.users.actingAs(user, groups.isEmpty() ? List.of("sales") : groups,
				() -> this.tasks.complete(task.getId(), variables));
	}

}
