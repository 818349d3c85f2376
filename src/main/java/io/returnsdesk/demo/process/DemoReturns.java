package io.returnsdesk.demo.process;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.returnsdesk.engine.EngineTime;
import io.returnsdesk.returns.ReturnQueries;
import io.returnsdesk.returns.ReturnRequest;
import io.returnsdesk.returns.ReturnRequests;
import io.returnsdesk.returns.ReturnStatus;
import io.returnsdesk.returns.ReturnView;
import io.returnsdesk.returns.process.ReturnProcess;
import io.returnsdesk.sales.OrderStatus;
import io.returnsdesk.sales.OrderType;
import io.returnsdesk.sales.OrderView;
import io.returnsdesk.sales.OriginalOrders;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Earlier returns for the demo, driven through the real process at the times they would
 * have happened, so that stock, postings, statuses and the engine's history agree; and a
 * few open ones waiting in each step of Tasklist.
 */
@Component
class DemoReturns {

	private static final String HOT_SKU = "SKU-1011";

	private static final String[] REASONS = { "DAMAGED", "DEFECTIVE", "WRONG_ITEM", "NOT_AS_DESCRIBED",
			"NO_LONGER_NEEDED" };

	private static final String[] REFUND_METHODS = { "ORIGINAL_PAYMENT", "BANK_TRANSFER", "CASH", "STORE_CREDIT" };

	private final ReturnRequests requests;

	private final ReturnQueries queries;

	private final OriginalOrders orders;

	private final DemoTasks people;

	private final Random random = new Random(7);

	// apart as well: what came back of each return
	private final Random receipts = new Random(13);

	private int hotOrders;

	private int exchanges;

	private final DemoVariants variants;

	private final TransactionTemplate transaction;

	DemoReturns(ReturnRequests requests, ReturnQueries queries, OriginalOrders orders, DemoTasks people,
			DemoVariants variants, TransactionTemplate transaction) {
		this.transaction = transaction;
		this.variants = variants;
		this.requests = requests;
		this.queries = queries;
		this.orders = orders;
		this.people = people;
	}

	void seed() {
		Instant now = EngineTime.now();
		List<OrderView> sales = fulfilled(OrderType.SALES);
		List<OrderView> purchases = fulfilled(OrderType.PURCHASE);
		try {
			int count = 0;
			for (OrderView order : sales) {
				Instant shipped = order.fulfilledAt();
				boolean old = shipped.isBefore(now.minus(Duration.ofDays(12)));
				boolean hot = order.lines().stream().anyMatch((line) -> line.sku().equals(HOT_SKU));
				// six in ten hot orders, newest first: counted, not drawn, so that the
				// time of day cannot shift the draws and leave the hot product without
				// returns in the last 30 days
				if (old && (hot ? this.hotOrders++ % 10 < 6 : this.random.nextInt(12) == 0)) {
					lifecycle(order, hot ? HOT_SKU : null, shipped.plus(Duration.ofDays(1 + this.random.nextInt(8))),
							ReturnStatus.CONFIRMED);
					count++;
				}
			}
			for (int i = 0; i < 3 && i < purchases.size(); i++) {
				lifecycle(purchases.get(i * 7 % purchases.size()), null,
						purchases.get(i * 7 % purchases.size()).fulfilledAt().plus(Duration.ofDays(3)),
						ReturnStatus.CONFIRMED);
			}
			// open returns, one or two in each step of the process
			List<OrderView> recent = sales.stream()
				.filter((order) -> order.fulfilledAt().isAfter(now.minus(Duration.ofDays(25))))
				.toList();
			ReturnStatus[] open = { ReturnStatus.SUBMITTED, ReturnStatus.SUBMITTED, ReturnStatus.REJECTED,
					ReturnStatus.REJECTED, ReturnStatus.WITHDRAWN, ReturnStatus.APPROVED, ReturnStatus.APPROVED,
					ReturnStatus.PROCESSED, ReturnStatus.PROCESSED };
			for (int i = 0; i < open.length && i < recent.size(); i++) {
				lifecycle(recent.get(recent.size() - 1 - i * 2), null, now.minus(Duration.ofHours(30 + 6 * i)),
						open[i]);
			}
			// a large return waiting for the managers past its reminder, which fires at
			// start
			sales.stream()
				.filter((order) -> order.partyCode().equals("C900"))
				.findFirst()
				.ifPresent((order) -> lifecycle(order, "*", now.minus(Duration.ofHours(56)), ReturnStatus.SUBMITTED));
			if (!purchases.isEmpty()) {
				OrderView last = purchases.get(0);
				lifecycle(last, null, now.minus(Duration.ofHours(5)), ReturnStatus.SUBMITTED);
			}
		}
		finally {
			EngineTime.reset();
		}
	}

	private List<OrderView> fulfilled(OrderType type) {
		return this.orders.views(type, OrderStatus.FULFILLED);
	}

	/**
	 * Drives one return from request to the given status, a day or so between steps, in
	 * one transaction: each step's engine command and writes join it, as the steps would
	 * have committed them one after another, so that the first start commits once per
	 * return rather than once per step (about 1.5 s of the first start on two cores).
	 */
	private void lifecycle(OrderView order, String sku, Instant requestedAt, ReturnStatus target) {
		this.transaction.executeWithoutResult((status) -> drive(order, sku, requestedAt, target));
	}

	private void drive(OrderView order, String sku, Instant requestedAt, ReturnStatus target) {
		Instant now = Instant.now();
		Instant at = requestedAt.isAfter(now) ? now : requestedAt;
		EngineTime.set(at);
		List<ReturnRequest.Line> lines = new ArrayList<>();
		Map<Integer, Integer> returnable = this.queries.returnable(order.number());
		for (OrderView.Line line : order.lines()) {
			boolean wanted = (sku == null) ? lines.isEmpty() : (sku.equals("*") || sku.equals(line.sku()));
			int available = returnable.getOrDefault(line.lineNo(), 0);
			if (wanted && available > 0) {
				int quantity = sku != null && sku.equals("*") ? available : 1 + this.random.nextInt(available);
				lines.add(new ReturnRequest.Line(line.sku(), line.lineNo(), BigDecimal.valueOf(quantity)));
			}
		}
		if (lines.isEmpty()) {
			return;
		}
		String reason = (order.type() == OrderType.PURCHASE) ? "DEFECTIVE"
				: REASONS[this.random.nextInt(REASONS.length)];
		String resolution = (this.random.nextInt(6) == 0) ? "EXCHANGE" : "REFUND";
		if (resolution.equals("EXCHANGE") && order.type() == OrderType.SALES && this.exchanges++ % 2 == 0) {
			// every other customer's exchange asks for the next variant: another colour
			lines = lines.stream().map(this.variants::nextOf).toList();
		}
		ReturnRequest request = new ReturnRequest(order.number(), reason,
				"Customer reported: " + reason.toLowerCase().replace('_', ' '), resolution, lines);
		String number = this.people.as("sales", "sales", () -> this.requests.request(request, "sales").number());
		if (target == ReturnStatus.SUBMITTED) {
			return;
		}
		ReturnView view = this.queries.get(number);
		boolean reject = target == ReturnStatus.REJECTED || target == ReturnStatus.WITHDRAWN;
		// now and then a return is sent back for photos and resubmitted before it goes on
		boolean resubmitted = !reject && this.people.oneIn(7);
		decide(number, !(reject || resubmitted));
		if (resubmitted) {
			this.people.waitFor(number, ReturnProcess.TASK_REVISE, Duration.ofHours(5));
			this.people.as("sales", "sales", () -> {
				this.requests.revise(number, new ReturnRequest(order.number(), reason,
						request.reasonDetail() + ". Photos attached.", resolution, request.lines()), "sales");
				return null;
			});
			decide(number, true);
		}
		if (target == ReturnStatus.WITHDRAWN) {
			this.people.complete(this.people.waitFor(number, ReturnProcess.TASK_REVISE, Duration.ofHours(3)), "sales",
					"sales", Map.of(ReturnProcess.VAR_RESUBMIT, false));
		}
		if (reject || target == ReturnStatus.APPROVED) {
			return;
		}
		// a returnless refund (a cheap wrong item) skips the warehouse: the
		// customer keeps the goods, and the return waits for finance at once
		if (!view.returnless()) {
			process(order, view, number);
		}
		if (target == ReturnStatus.PROCESSED) {
			return;
		}
		Task confirmation = this.people.waitFor(number, ReturnProcess.TASK_CONFIRM, Duration.ofHours(22));
		this.people.complete(confirmation, "finance", "finance", Map.of(ReturnProcess.VAR_CONFIRMED, true));
		this.people.post(confirmation.getProcessInstanceId());
	}

	private void process(OrderView order, ReturnView view, String number) {
		Map<String, Object> processing = new HashMap<>();
		processing.put(ReturnProcess.VAR_WAREHOUSE_CODE, order.warehouseCode());
		processing.put(ReturnProcess.VAR_REFUND_METHOD, (view.resolution().name().equals("EXCHANGE")) ? "STORE_CREDIT"
				: REFUND_METHODS[this.random.nextInt(4)]);
		// now and then a parcel holds one unit fewer than asked; damaged goods
		// are written off, one unit of the first line
		ReturnView.Line first = view.lines().get(0);
		int received = (first.quantity() > 1 && this.receipts.nextInt(5) == 0) ? first.quantity() - 1
				: first.quantity();
		if (received < first.quantity()) {
			processing.put(ReturnProcess.VAR_RECEIVED_QUANTITIES, units(first.lineNo(), received));
		}
		if (order.type() == OrderType.SALES && view.reason().name().equals("DAMAGED")) {
			processing.put(ReturnProcess.VAR_SCRAPPED_QUANTITIES, units(first.lineNo(), 1));
		}
		// no refund amount: the value received, less the restocking fee the policy keeps
		// (none for an exchange), as the form's "refund in full" sends it
		this.people.complete(this.people.waitFor(number, ReturnProcess.TASK_PROCESS, Duration.ofHours(26)), "warehouse",
				"warehouse", processing);
	}

	/** Units of one line, as a REST client sends them: a Json object. */
	private static Object units(int lineNo, int units) {
		return SpinValues.jsonValue("{\"%d\": %d}".formatted(lineNo, units)).create();
	}

	private void decide(String number, boolean approve) {
		Task approval = this.people.waitFor(number, ReturnProcess.TASK_APPROVE, Duration.ofHours(20));
		boolean manager = this.people.offeredTo(approval, "managers");
		this.people.complete(approval, manager ? "manager" : "approver", manager ? "managers" : "approvers",
				approve ? Map.of(ReturnProcess.VAR_APPROVED, true)
						: Map.of(ReturnProcess.VAR_APPROVED, false, ReturnProcess.VAR_REJECTION_REASON,
								"Photos of the damage are missing; please attach them and resubmit"));
	}

}
