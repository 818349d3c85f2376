package io.returnsdesk.returns.process;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.returnsdesk.inventory.Warehouses;
import io.returnsdesk.returns.ReturnQueries;
import io.returnsdesk.returns.ReturnStatus;
import io.returnsdesk.returns.ReturnType;
import io.returnsdesk.returns.ReturnView;
import io.returnsdesk.returns.internal.PolicyFacts;
import io.returnsdesk.returns.internal.ClientText;
import io.returnsdesk.returns.internal.FeeRates;
import io.returnsdesk.returns.internal.RestockingFees;
import io.returnsdesk.returns.internal.ReturnPolicyFacts;
import io.returnsdesk.system.FormText;
import org.camunda.spin.plugin.variable.SpinValues;

import org.springframework.stereotype.Component;

/**
 * What a task form shows about its return: read from the return's tables when the task is
 * created and kept with the task, so that process variables stay ids and decisions. The
 * form's data is one JSON variable, {@value #VIEW} (a form shows
 * {@code {{view.orderNumber}}}, a table {@code =view.lines}); beside it, the values
 * Tasklist's cards show of each task ({@value #RETURN_NUMBER}, {@value #PARTY_NAME},
 * {@value #TOTAL_AMOUNT}), which a card can only show from variables of the task's own (a
 * worker may not read the process instance's), and the starting values of the fields a
 * form asks to fill in (the processing form's list of what came back, {@code receipt}),
 * which a field reads from a variable of its own key. Being task-local, what such a field
 * submits stays with the task: the form hands the process its decision under the
 * contract's names (expression fields).
 */
@Component
class TaskFormData {

	/** The task-local variable holding what the task's form shows. */
	static final String VIEW = "view";

	/** Shown by Tasklist's list for each task: the return's number, an id. */
	static final String RETURN_NUMBER = ReturnProcess.VAR_RETURN_NUMBER;

	/** Shown by Tasklist's list for each task. */
	static final String PARTY_NAME = "partyName";

	/** Shown by Tasklist's list for each task. */
	static final String TOTAL_AMOUNT = "totalAmount";

	/** The longest name the engine keeps of a task. */
	static final int NAME_LENGTH = 255;

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final ReturnQueries queries;

	private final ReturnPolicyFacts policy;

	private final Warehouses warehouses;

	private final ObjectMapper json;

	private final ZoneId zone;

	private final RestockingFees fees;

	TaskFormData(ReturnQueries queries, ReturnPolicyFacts policy, Warehouses warehouses, ObjectMapper json, Clock clock,
			RestockingFees fees) {
		this.fees = fees;
		this.queries = queries;
		this.policy = policy;
		this.warehouses = warehouses;
		this.json = json;
		this.zone = clock.getZone();
	}

	/**
	 * What a task of the return is given: its name, which says which return it is, and
	 * its task-local variables.
	 */
	record Data(String name, Map<String, Object> variables) {

	}

	/**
	 * A task of the return: named after its step and the return ({@code Approve return
	 * 退货审批 · RT-20261126-0001 · Yang 杨 P. · CNY 159.00}), with what Tasklist's cards show
	 * and the data its form mentions, each value made only if it is mentioned. Cards and
	 * names are plain text, shown as typed; only the form's data, which form-js reads as
	 * Markdown, is escaped.
	 */
	Data of(String number, String stepName, String approverGroup, FormFields.Mentions mentions) {
		ReturnView view = this.queries.get(number);
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put(RETURN_NUMBER, number);
		variables.put(PARTY_NAME, (view.partyName() != null) ? view.partyName() : "");
		variables.put(TOTAL_AMOUNT, ClientText.money(view.totalAmount()));
		Map<String, Object> shown = new LinkedHashMap<>();
		shown(view, number, approverGroup, (name) -> mentions.inView(name) || mentions.alone(name), (name, value) -> {
			if (mentions.inView(name)) {
				shown.put(name, value);
			}
			if (mentions.alone(name) && value != null) {
				// a field's starting value, or data as forms deployed before the view
				// mention it; none rather than null, so that a field starts from its
				// default
				variables.put(name, (value instanceof List<?> list) ? jsonValue(list) : value);
			}
		});
		if (!shown.isEmpty()) {
			variables.put(VIEW, jsonValue(shown));
		}
		return new Data(name(stepName, number, view), variables);
	}

	/** The step, the return's number, its party and its amount, as Tasklist lists it. */
	static String name(String stepName, String number, ReturnView view) {
		String name = String.join(" · ", (stepName != null) ? stepName : "", number,
				(view.partyName() != null) ? view.partyName() : "", "CNY " + ClientText.money(view.totalAmount()));
		return (name.length() <= NAME_LENGTH) ? name : name.substring(0, NAME_LENGTH - 1) + "…";
	}

	private void shown(ReturnView view, String number, String approverGroup, Predicate<String> wanted,
			BiConsumer<String, Object> data) {
		boolean customer = view.type() == ReturnType.CUSTOMER;
		BiConsumer<String, Supplier<Object>> put = (name, value) -> {
			if (wanted.test(name)) {
				data.accept(name, value.get());
			}
		};
		put.accept("returnType", () -> view.type().name());
		put.accept("returnTypeLabel", () -> view.type().label());
		put.accept("orderNumber", view::orderNumber);
		put.accept("orderDate", () -> view.orderDate().toString());
		put.accept("partyLabel", () -> customer ? "Customer 客户" : "Supplier 供应商");
		put.accept("partyName", () -> FormText.escape(view.partyName()));
		put.accept("storeCode", view::storeCode);
		put.accept("requestedAt", () -> DATE_TIME.format(view.requestedAt().atZone(this.zone)));
		put.accept("reasonLabel", () -> view.reason().label());
		put.accept("reasonDetail", () -> FormText.escape(view.reasonDetail()));
		put.accept("rejectionReasonText", () -> FormText.escape(view.rejectionReason()));
		put.accept("resolutionLabel", () -> view.resolution().label());
		put.accept("totalAmount", () -> ClientText.money(view.totalAmount()));
		// the policy's facts read once, and only for a form that mentions them
		PolicyFacts facts = (wanted.test("daysSinceFulfilment") || wanted.test("policyNote")
				|| wanted.test("restockingFeeNote")) ? this.policy.of(number) : null;
		if (facts != null) {
			put.accept("daysSinceFulfilment", facts::daysSinceFulfilment);
			put.accept("policyNote", () -> policyNote(facts.daysSinceFulfilment(), customer, approverGroup));
			put.accept("restockingFeeNote", () -> restockingFeeNote(this.fees.rates(facts), view.restockingFee()));
		}
		put.accept("rejectionHistory", () -> rejectionHistory(view));
		put.accept("financeNote", () -> FormText.escape(view.confirmationNote()));
		put.accept("lines", () -> view.lines().stream().map(TaskFormData::line).toList());
		put.accept("receipt", () -> view.lines().stream().map(TaskFormData::receiptRow).toList());
		if (view.returnedOn() != null) {
			// processed before: the day recorded then; else the form picks today, the
			// browser's, when it is filled in, not when the task was created
			put.accept("receiptDay", () -> "OTHER");
			put.accept("receiptDate", () -> view.returnedOn().toString());
		}
		put.accept("refundInFull", () -> view.refundAmount() == null
				|| view.refundAmount().compareTo(view.totalAmount().subtract(view.restockingFee())) == 0);
		put.accept("refundEntered", view::refundAmount);
		put.accept("warehouseOptions",
				() -> this.warehouses.all()
					.stream()
					.map((warehouse) -> Map.of("label", warehouse.getCode() + " · " + warehouse.getName(), "value",
							warehouse.getCode()))
					.toList());
		put.accept("returnlessNote", () -> view.returnless() ? ReceiptSummary.RETURNLESS : null);
		put.accept("exchangeNote", () -> ExchangeNote.of(view));
		if (view.refundMethod() != null) {
			// a returnless refund has no warehouse and no day the goods came back
			put.accept("warehouseLabel",
					() -> (view.warehouseCode() == null) ? "– (the customer keeps the goods · 客户保留货品)"
							: this.warehouses.findById(view.warehouseCode())
								.map((warehouse) -> warehouse.getCode() + " · " + warehouse.getName())
								.orElse(view.warehouseCode()));
			put.accept("refundMethodLabel", () -> view.refundMethod().label());
			put.accept("refundAmountText", () -> ClientText.money(view.refundAmount()));
			put.accept("receiptSummary", () -> ReceiptSummary.of(view));
			put.accept("returnedOn", () -> (view.returnedOn() != null) ? view.returnedOn().toString() : "–");
		}
	}

	/**
	 * The restocking fee the policy keeps, in both languages, or null without one: "CNY
	 * 15.90 as asked: 10 % of the value of the units restocked, 10 % of those written
	 * off; priced again on what is recorded here · …".
	 */
	static String restockingFeeNote(FeeRates rates, BigDecimal asked) {
		if (rates.resaleable().signum() == 0 && rates.writtenOff().signum() == 0) {
			return null;
		}
		String restocked = percent(rates.resaleable());
		String writtenOff = percent(rates.writtenOff());
		return ("%s as asked: %s of the value of the units restocked, %s of those written off; priced again on what "
				+ "is recorded here · 按申请 %s：重新入库货值的 %s，报废货值的 %s；按此处登记的实收重新计算")
			.formatted("CNY " + ClientText.money(asked), restocked, writtenOff, "CNY " + ClientText.money(asked),
					restocked, writtenOff);
	}

	private static String percent(BigDecimal share) {
		return share.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
	}

	/**
	 * What the policy made of the request, in both languages: "Asked 3 days after the
	 * goods were shipped; approved by a manager · 发货后 3 天申请；由经理审批".
	 */
	static String policyNote(long days, boolean customer, String approverGroup) {
		boolean manager = "managers".equals(approverGroup);
		return "Asked %d %s after the goods were %s; approved by %s · %s后 %d 天申请；由%s审批".formatted(days,
				(days == 1) ? "day" : "days", customer ? "shipped" : "received", manager ? "a manager" : "an approver",
				customer ? "发货" : "收货", days, manager ? "经理" : "审批人");
	}

	private String rejectionHistory(ReturnView view) {
		List<ReturnView.Event> rejections = view.history()
			.stream()
			.filter((event) -> event.status() == ReturnStatus.REJECTED)
			.toList();
		// while the return is rejected, its latest rejection is the current one, shown
		// apart
		int earlier = (view.status() == ReturnStatus.REJECTED) ? rejections.size() - 1 : rejections.size();
		return rejections.subList(0, Math.max(0, earlier))
			.stream()
			.map((event) -> "%s %s: %s".formatted(DATE_TIME.format(event.at().atZone(this.zone)), event.actor(),
					FormText.escape(event.note())))
			.collect(Collectors.joining("\n"));
	}

	private static Map<String, Object> line(ReturnView.Line line) {
		Map<String, Object> shown = new LinkedHashMap<>();
		shown.put("lineNo", line.lineNo());
		shown.put("sku", line.sku());
		// an exchange for another article says which, in the warehouse's and finance's
		// forms
		shown.put("name", (line.exchangeSku() == null || line.exchangeSku().equals(line.sku())) ? line.name()
				: "%s → %s (%s)".formatted(line.name(), line.exchangeName(), line.exchangeSku()));
		shown.put("quantity", line.quantity());
		shown.put("receivedQuantity", (line.receivedQuantity() != null) ? line.receivedQuantity() : "–");
		shown.put("scrappedQuantity", line.scrappedQuantity());
		shown.put("unitPrice", ClientText.money(line.unitPrice()));
		shown.put("amount", ClientText.money(line.amount()));
		return shown;
	}

	/**
	 * A row of the processing form's list, prefilled with what was recorded before, or
	 * with every unit received and none written off.
	 */
	private static Map<String, Object> receiptRow(ReturnView.Line line) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("lineNo", line.lineNo());
		row.put("sku", line.sku());
		row.put("name", line.name());
		row.put("asked", line.quantity());
		// shown as money, and as a number to count with
		row.put("price", ClientText.money(line.unitPrice()));
		row.put("unitPrice", line.unitPrice());
		row.put("received", ReceiptSummary.received(line));
		row.put("scrapped", line.scrappedQuantity());
		return row;
	}

	private Object jsonValue(Object value) {
		try {
			return SpinValues.jsonValue(this.json.writeValueAsString(value)).create();
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
