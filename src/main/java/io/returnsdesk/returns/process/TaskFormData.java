package io.returnsdesk.returns.process;

import java.math.BigDecimal;
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
import io.returnsdesk.system.FormText;
import io.returnsdesk.returns.LineCondition;
import io.returnsdesk.returns.PolicyFacts;
import io.returnsdesk.returns.ReturnQueries;
import io.returnsdesk.returns.ReturnStatus;
import io.returnsdesk.returns.ReturnType;
import io.returnsdesk.returns.ReturnView;
import org.camunda.spin.plugin.variable.SpinValues;

import org.springframework.stereotype.Component;

/**
 * What a task form shows about its return: read from the return's tables when the task is
 * created and kept with the task, so that process variables stay ids and decisions. The
 * form's data is one JSON variable, {@value #VIEW} (a form shows
 * {@code {{view.orderNumber}}}, a table {@code =view.lines}); beside it, the two values
 * Tasklist's list shows of each task ({@value #PARTY_NAME}, {@value #TOTAL_AMOUNT}),
 * which a list can only show from variables of their own.
 */
@Component
class TaskFormData {

	/** The task-local variable holding what the task's form shows. */
	static final String VIEW = "view";

	/** Shown by Tasklist's list for each task. */
	static final String PARTY_NAME = "partyName";

	/** Shown by Tasklist's list for each task. */
	static final String TOTAL_AMOUNT = "totalAmount";

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final ReturnQueries queries;

	private final Warehouses warehouses;

	private final ObjectMapper json;

	private final ZoneId zone;

	TaskFormData(ReturnQueries queries, Warehouses warehouses, ObjectMapper json, java.time.Clock clock) {
		this.queries = queries;
		this.warehouses = warehouses;
		this.json = json;
		this.zone = clock.getZone();
	}

	/**
	 * The task-local variables of a task of the return: what Tasklist's list shows, and
	 * the data its form mentions, each value made only if it is mentioned.
	 */
	Map<String, Object> of(String number, String approverGroup, FormFields.Mentions mentions) {
		ReturnView view = this.queries.get(number);
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put(PARTY_NAME, FormText.escape(view.partyName()));
		variables.put(TOTAL_AMOUNT, money(view.totalAmount()));
		Map<String, Object> shown = new LinkedHashMap<>();
		shown(view, number, approverGroup, (name) -> mentions.inView(name) || mentions.alone(name), (name, value) -> {
			if (mentions.inView(name)) {
				shown.put(name, value);
			}
			if (mentions.alone(name)) {
				// as forms deployed before the view mention it
				variables.put(name, (value instanceof List<?> list) ? jsonValue(list) : value);
			}
		});
		if (!shown.isEmpty()) {
			variables.put(VIEW, jsonValue(shown));
		}
		return variables;
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
		put.accept("totalAmount", () -> money(view.totalAmount()));
		if (wanted.test("daysSinceFulfilment") || wanted.test("policyNote")) {
			PolicyFacts facts = this.queries.policyFacts(number);
			put.accept("daysSinceFulfilment", facts::daysSinceFulfilment);
			put.accept("policyNote", () -> "Asked %d day(s) after the goods were %s; approval by %s"
				.formatted(facts.daysSinceFulfilment(), customer ? "shipped" : "received", approverGroup));
		}
		put.accept("rejectionHistory", () -> rejectionHistory(view));
		put.accept("financeNote", () -> FormText.escape(view.confirmationNote()));
		put.accept("lines",
				() -> view.lines()
					.stream()
					.map((line) -> Map.of("lineNo", line.lineNo(), "sku", line.sku(), "name", line.name(), "quantity",
							line.quantity(), "unitPrice", money(line.unitPrice()), "amount", money(line.amount()),
							"condition", (line.condition() == LineCondition.SCRAP) ? "Scrap 报废" : "Restock 入库"))
					.toList());
		put.accept("lineOptions",
				() -> view.lines()
					.stream()
					.map((line) -> Map.of("label",
							"%d · %s %s × %d".formatted(line.lineNo(), line.sku(), line.name(), line.quantity()),
							"value", String.valueOf(line.lineNo())))
					.toList());
		put.accept("warehouseOptions",
				() -> this.warehouses.all()
					.stream()
					.map((warehouse) -> Map.of("label", warehouse.getCode() + " · " + warehouse.getName(), "value",
							warehouse.getCode()))
					.toList());
		if (view.refundMethod() != null) {
			put.accept("warehouseLabel",
					() -> this.warehouses.findById(view.warehouseCode())
						.map((warehouse) -> warehouse.getCode() + " · " + warehouse.getName())
						.orElse(view.warehouseCode()));
			put.accept("refundMethodLabel", () -> view.refundMethod().label());
			put.accept("refundAmountText", () -> money(view.refundAmount()));
			put.accept("conditionSummary", () -> conditionSummary(view, customer));
		}
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

	private static String conditionSummary(ReturnView view, boolean customer) {
		long scrapped = view.lines().stream().filter((line) -> line.condition() == LineCondition.SCRAP).count();
		return customer ? "%d line(s) restocked, %d scrapped · 入库 %d 行，报废 %d 行"
			.formatted(view.lines().size() - scrapped, scrapped, view.lines().size() - scrapped, scrapped)
				: "Goods go back to the supplier · 退回供应商";
	}

	private Object jsonValue(Object value) {
		try {
			return SpinValues.jsonValue(this.json.writeValueAsString(value)).create();
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String money(BigDecimal amount) {
		return String.format("%,.2f", amount);
	}

}
