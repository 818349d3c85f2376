package io.returnsdesk.bench;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.returnsdesk.returns.ReturnReference;
import io.returnsdesk.returns.ReturnRequest;
import io.returnsdesk.returns.ReturnRequests;
import io.returnsdesk.support.MasterData;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

import org.springframework.context.ApplicationContext;

/**
 * The application's lifecycles: a clerk requests the return through the desk's service
 * (return order, number, policy, process start), approver, warehouse and finance users
 * complete their tasks as Tasklist does for them (signed in, with the engine's
 * authorization checks, the four-eyes and decision listeners), and the posting job moves
 * stock, posts the entry, marks the return confirmed and queues the notifications' mail.
 */
final class AppLifecycles extends LifecycleRun {

	static final String CLERK = "benchclerk";

	static final Map<Step, String> USERS = Map.of(Step.APPROVE, "benchapprover", Step.PROCESS, "benchwarehouse",
			Step.CONFIRM, "benchfinance");

	static final Map<Step, String> GROUPS = Map.of(Step.APPROVE, "approvers", Step.PROCESS, "warehouse",
			Step.CONFIRM, "finance");

	private final ReturnRequests requests;

	private final TaskService tasks;

	private final IdentityService identity;

	private final List<MasterData.Order> orders;

	private final Map<String, BigDecimal> totals = new ConcurrentHashMap<>();

	AppLifecycles(ApplicationContext app, List<MasterData.Order> orders) {
		super(app.getBean(TaskService.class), app.getBean(HistoryService.class), app.getBean(RuntimeService.class));
		this.requests = app.getBean(ReturnRequests.class);
		this.tasks = app.getBean(TaskService.class);
		this.identity = app.getBean(IdentityService.class);
		this.orders = orders;
	}

	/** The users of the lifecycles, in their groups, as an administrator creates them. */
	static void createUsers(IdentityService identity, String password) {
		Map<String, String> groups = Map.of(CLERK, "sales", USERS.get(Step.APPROVE), GROUPS.get(Step.APPROVE),
				USERS.get(Step.PROCESS), GROUPS.get(Step.PROCESS), USERS.get(Step.CONFIRM), GROUPS.get(Step.CONFIRM));
		groups.forEach((id, group) -> {
			var user = identity.newUser(id);
			user.setFirstName(id);
			user.setLastName("Bench");
			user.setEmail(id + "@example.com");
			user.setPassword(password);
			identity.saveUser(user);
			identity.createMembership(id, group);
		});
	}

	@Override
	String request(int index) {
		MasterData.Order order = this.orders.get(index);
		List<ReturnRequest.Line> lines = order.lines()
			.stream()
			.map((line) -> new ReturnRequest.Line(line.sku(), line.lineNo(), BigDecimal.ONE))
			.toList();
		ReturnReference created = this.requests.request(
				new ReturnRequest(order.number(), "DEFECTIVE", "Benchmark lifecycle " + index, "REFUND", lines), CLERK);
		// one unit of each line, at the order's prices
		this.totals.put(created.number(),
				order.lines().stream().map(MasterData.OrderLine::unitPrice).reduce(BigDecimal.ZERO, BigDecimal::add));
		return created.number();
	}

	@Override
	Map<String, Object> decision(int index, String businessKey, Step step) {
		return step.decision(this.orders.get(index).warehouse(), this.totals.get(businessKey).doubleValue());
	}

	@Override
	Task task(int index, String businessKey, Step step) {
		return signedIn(step, () -> super.task(index, businessKey, step));
	}

	@Override
	void complete(int index, Task task, Step step, Map<String, Object> variables) {
		signedIn(step, () -> {
			this.tasks.complete(task.getId(), variables);
			return null;
		});
	}

	private <T> T signedIn(Step step, java.util.function.Supplier<T> work) {
		this.identity.setAuthentication(USERS.get(step), List.of(GROUPS.get(step)));
		try {
			return work.get();
		}
		finally {
			this.identity.clearAuthentication();
		}
	}

}
