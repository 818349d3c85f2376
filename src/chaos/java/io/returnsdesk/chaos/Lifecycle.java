package io.returnsdesk.chaos;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import io.returnsdesk.support.HttpApi;
import io.returnsdesk.support.MasterData.Order;
import io.returnsdesk.support.MasterData.OrderLine;

/**
 * One client working one return from request to its end over HTTP, as the clerk, an
 * approver, the warehouse and finance would. Every call may go unanswered (the node was
 * killed, or is starting): the client then finds out whether it took effect before it
 * sends it again, by the task it completed being gone, by the Idempotency-Key, or by
 * searching for the return of its order.
 */
final class Lifecycle implements Runnable {

	/** The paths through the process that the clients take, and how each ends. */
	enum Path {

		REFUND("CONFIRMED"), EXCHANGE("CONFIRMED"), SCRAP("CONFIRMED"), REJECT_RESUBMIT("CONFIRMED"),
		REJECT_WITHDRAW("WITHDRAWN"), SEND_BACK("CONFIRMED"), SUPPLIER("CONFIRMED");

		final String finalStatus;

		Path(String finalStatus) {
			this.finalStatus = finalStatus;
		}

	}

	private static final String[] REFUND_METHODS = { "ORIGINAL_PAYMENT", "BANK_TRANSFER", "CASH", "STORE_CREDIT" };

	static final AtomicLong retries = new AtomicLong();

	static final AtomicLong uncertainOutcomes = new AtomicLong();

	final int index;

	final Path path;

	final Order order;

	final String clerk;

	private final String approver;

	private final String warehouseUser;

	private final String financeUser;

	/**
	 * Half the clients send an Idempotency-Key; the others search after a lost answer.
	 */
	final boolean withKey;

	private final String warehouse;

	private final HttpApi api;

	private final long deadline;

	volatile String number;

	volatile boolean finished;

	volatile String failure;

	Lifecycle(int index, Path path, Order order, Users users, String warehouse, HttpApi api, long deadline) {
		this.index = index;
		this.path = path;
		this.order = order;
		this.clerk = users.clerk(index);
		this.approver = users.approver(index, this.clerk);
		this.warehouseUser = users.warehouse(index);
		this.financeUser = users.finance(index);
		this.withKey = index % 2 == 1;
		this.warehouse = warehouse;
		this.api = api;
		this.deadline = deadline;
	}

	String expectedStatus() {
		return this.path.finalStatus;
	}

	@Override
	public void run() {
		try {
			this.number = create();
			if (this.path == Path.REJECT_RESUBMIT || this.path == Path.REJECT_WITHDRAW) {
				complete(TaskKey.APPROVE, this.approver,
						Map.of("approved", false, "rejectionReason", "Chaos check: the photos are missing"));
				if (this.path == Path.REJECT_WITHDRAW) {
					answerRejection("/api/returns/" + this.number + "/withdraw", null);
					this.finished = true;
					return;
				}
				answerRejection("/api/returns/" + this.number, requestBody(1));
			}
			complete(TaskKey.APPROVE, this.approver, Map.of("approved", true));
			process();
			if (this.path == Path.SEND_BACK) {
				complete(TaskKey.CONFIRM, this.financeUser,
						Map.of("confirmed", false, "confirmationNote", "Chaos check: the voucher is unreadable"));
				process();
			}
			complete(TaskKey.CONFIRM, this.financeUser, Map.of("confirmed", true));
			this.finished = true;
		}
		catch (Exception ex) {
			this.failure = ex.toString();
		}
	}

	private String create() throws Exception {
		Map<String, Object> body = requestBody(2);
		Map<String, String> headers = this.withKey ? Map.of("Idempotency-Key", UUID.randomUUID().toString()) : Map.of();
		Backoff backoff = new Backoff();
		while (true) {
			HttpApi.Answer answer = attempt(() -> this.api.post(this.clerk, "/api/returns", body, headers));
			if (answer != null && answer.status() == 201) {
				return answer.json().path("number").asText();
			}
			if (answer != null && answer.status() < 500 && answer.status() != 422) {
				throw new IllegalStateException("Request refused: %d %s".formatted(answer.status(), answer.body()));
			}
			if (!this.withKey) {
				// the answer was lost or the units are held already: did the first one go
				// through?
				uncertainOutcomes.incrementAndGet();
				String found = findReturnOfOrder();
				if (found != null) {
					return found;
				}
			}
			if (answer != null && answer.status() == 422) {
				throw new IllegalStateException("Request refused: %d %s".formatted(answer.status(), answer.body()));
			}
			backoff.pause();
		}
	}

	private String findReturnOfOrder() throws Exception {
		JsonNode page = answered(() -> this.api.get(this.clerk, "/api/returns?q=" + HttpApi.query(this.order.number())))
			.json();
		JsonNode content = page.path("content");
		return (content.size() > 0) ? content.get(0).path("number").asText() : null;
	}

	/** Resubmits (with a body) or withdraws (without) a rejected return. */
	private void answerRejection(String path, Map<String, Object> body) throws Exception {
		Map<String, String> headers = Map.of("Idempotency-Key", UUID.randomUUID().toString());
		Backoff backoff = new Backoff();
		while (true) {
			HttpApi.Answer answer = attempt(() -> (body != null) ? this.api.put(this.clerk, path, body, headers)
					: this.api.post(this.clerk, path, null, headers));
			if (answer != null && answer.status() == 200) {
				return;
			}
			if (answer != null && answer.status() == 409 && !"REJECTED".equals(status())) {
				// a first attempt took effect, and its key was not replayed: it is done
				return;
			}
			if (answer != null && answer.status() < 500) {
				throw new IllegalStateException("%s refused: %d %s".formatted(path, answer.status(), answer.body()));
			}
			uncertainOutcomes.incrementAndGet();
			backoff.pause();
		}
	}

	private void process() throws Exception {
		JsonNode view = answered(() -> this.api.get(this.warehouseUser, "/api/returns/" + this.number)).json();
		BigDecimal total = view.path("totalAmount").decimalValue();
		Map<String, Object> variables = new LinkedHashMap<>();
		if (this.path == Path.SCRAP) {
			// the second line's unit never came back, one unit of the first is written
			// off
			variables.put("receivedQuantities", Map.of("2", 0));
			variables.put("scrappedQuantities", Map.of("1", 1));
			total = total.subtract(view.path("lines").get(1).path("amount").decimalValue());
		}
		// a supplier's refund short of the value makes the loss line of the entry
		BigDecimal refund = (this.path == Path.SUPPLIER && this.index % 4 == 0) ? total.subtract(BigDecimal.ONE)
				: total;
		variables.put("warehouseCode", this.warehouse);
		variables.put("refundMethod", REFUND_METHODS[this.index % REFUND_METHODS.length]);
		variables.put("refundAmount", refund);
		complete(TaskKey.PROCESS, this.warehouseUser, variables);
	}

	/**
	 * Completes the return's open task of the given step as the user. When the answer is
	 * lost, the task's id tells: gone means it was completed.
	 */
	private void complete(TaskKey step, String user, Map<String, Object> variables) throws Exception {
		String task = awaitTask(step, user);
		Map<String, Object> typed = new LinkedHashMap<>();
		for (Map.Entry<String, Object> variable : variables.entrySet()) {
			Object value = variable.getValue();
			// objects as the Json variables of the process contract
			typed.put(variable.getKey(), (value instanceof Map<?, ?>)
					? Map.of("type", "Json", "value", HttpApi.JSON.writeValueAsString(value)) : Map.of("value", value));
		}
		Map<String, Object> body = Map.of("variables", typed);
		Backoff backoff = new Backoff();
		while (true) {
			HttpApi.Answer answer = attempt(
					() -> this.api.post(user, "/engine-rest/task/" + task + "/complete", body, Map.of()));
			if (answer != null && answer.status() == 204) {
				return;
			}
			if (answer != null && answer.status() != 404 && answer.status() < 500) {
				throw new IllegalStateException(
						"%s of %s refused: %d %s".formatted(step.key, this.number, answer.status(), answer.body()));
			}
			uncertainOutcomes.incrementAndGet();
			HttpApi.Answer check = answered(() -> this.api.get(user, "/engine-rest/task/" + task));
			if (check.status() == 404) {
				return;
			}
			if (check.status() != 200) {
				throw new IllegalStateException(
						"Task %s of %s: %d %s".formatted(task, this.number, check.status(), check.body()));
			}
			backoff.pause();
		}
	}

	private String awaitTask(TaskKey step, String user) throws Exception {
		Backoff backoff = new Backoff();
		while (true) {
			JsonNode tasks = answered(() -> this.api.get(user, "/engine-rest/task?processInstanceBusinessKey="
					+ HttpApi.query(this.number) + "&taskDefinitionKey=" + step.key))
				.json();
			if (tasks.size() == 1) {
				return tasks.get(0).path("id").asText();
			}
			if (tasks.size() > 1) {
				throw new IllegalStateException(
						"%d open %s tasks for %s".formatted(tasks.size(), step.key, this.number));
			}
			backoff.pause();
		}
	}

	private String status() throws Exception {
		return answered(() -> this.api.get(this.clerk, "/api/returns/" + this.number)).json().path("status").asText();
	}

	private Map<String, Object> requestBody(int firstLineQuantity) {
		List<Map<String, Object>> lines = new ArrayList<>();
		OrderLine first = this.order.lines().get(0);
		OrderLine second = this.order.lines().get(1);
		lines.add(Map.of("sku", first.sku(), "quantity", firstLineQuantity));
		lines.add(Map.of("sku", second.sku(), "quantity", 1));
		return Map.of("orderNumber", this.order.number(), "reason", "DEFECTIVE", "reasonDetail",
				"Chaos check lifecycle " + this.index, "resolution",
				(this.path == Path.EXCHANGE) ? "EXCHANGE" : "REFUND", "lines", lines);
	}

	/** One attempt: the answer, or null when none came. */
	private HttpApi.Answer attempt(Call call) throws Exception {
		checkDeadline();
		try {
			HttpApi.Answer answer = call.send();
			if (answer.serverError()) {
				retries.incrementAndGet();
			}
			return answer;
		}
		catch (IOException ex) {
			retries.incrementAndGet();
			return null;
		}
	}

	/** A read, sent again until a node answers it without a server error. */
	private HttpApi.Answer answered(Call call) throws Exception {
		Backoff backoff = new Backoff();
		while (true) {
			HttpApi.Answer answer = attempt(call);
			if (answer != null && !answer.serverError()) {
				return answer;
			}
			backoff.pause();
		}
	}

	private void checkDeadline() {
		if (System.nanoTime() > this.deadline) {
			throw new IllegalStateException("Gave up at the deadline (return %s)".formatted(this.number));
		}
	}

	enum TaskKey {

		APPROVE("approveReturn"), PROCESS("processReturn"), CONFIRM("confirmReturn");

		final String key;

		TaskKey(String key) {
			this.key = key;
		}

	}

	@FunctionalInterface
	interface Call {

		HttpApi.Answer send() throws IOException, InterruptedException;

	}

	/**
	 * 100 ms, doubling up to 2 s: quick over to the other node, patient with a restart.
	 */
	private static final class Backoff {

		private long millis = 100;

		void pause() throws InterruptedException {
			Thread.sleep(this.millis);
			this.millis = Math.min(2000, this.millis * 2);
		}

	}

	/** The people of the check, by group. */
	record Users(List<String> clerks, List<String> approvers, List<String> warehouse, List<String> finance) {

		String clerk(int index) {
			return this.clerks.get(index % this.clerks.size());
		}

		/** An approver other than the requester: four eyes. */
		String approver(int index, String requester) {
			String approver = this.approvers.get(index % this.approvers.size());
			return approver.equals(requester) ? this.approvers.get((index + 1) % this.approvers.size()) : approver;
		}

		String warehouse(int index) {
			return this.warehouse.get(index % this.warehouse.size());
		}

		String finance(int index) {
			return this.finance.get(index % this.finance.size());
		}

	}

}
