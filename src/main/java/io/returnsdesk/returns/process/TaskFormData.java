package io.returnsdesk.returns.process;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * created and kept as task-local variables, so that process variables stay ids and
 * decisions.
 */
@Component
class TaskFormData {

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

	Map<String, Object> of(String number, String approverGroup) {
		ReturnView view = this.queries.get(number);
		PolicyFacts facts = this.queries.policyFacts(number);
		boolean customer = view.type() == ReturnType.CUSTOMER;
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("returnType", view.type().name());
		data.put("returnTypeLabel", view.type().label());
		data.put("orderNumber", view.orderNumber());
		data.put("orderDate", view.orderDate().toString());
		data.put("partyLabel", customer ? "Customer 客户" : "Supplier 供应商");
		data.put("partyName", FormText.escape(view.partyName()));
		data.put("storeCode", view.storeCode());
		data.put("requestedAt", DATE_TIME.format(view.requestedAt().atZone(this.zone)));
		data.put("reasonLabel", view.reason().label());
		data.put("reasonDetail", FormText.escape(view.reasonDetail()));
		data.put("rejectionReasonText", FormText.escape(view.rejectionReason()));
		data.put("resolutionLabel", view.resolution().label());
		data.put("totalAmount", money(view.totalAmount()));
		data.put("daysSinceFulfilment", facts.daysSinceFulfilment());
		data.put("policyNote", "Asked %d day(s) after the goods were %s; approval by %s"
			.formatted(facts.daysSinceFulfilment(), customer ? "shipped" : "received", approverGroup));
		List<ReturnView.Event> rejections = view.history()
			.stream()
			.filter((event) -> event.status() == ReturnStatus.REJECTED)
			.toList();
		// while the return is rejected, its latest rejection is the current one, shown
		// apart
		int earlier = (view.status() == ReturnStatus.REJECTED) ? rejections.size() - 1 : rejections.size();
		data.put("rejectionHistory",
				rejections.subList(0, Math.max(0, earlier))
					.stream()
					.map((event) -> "%s %s: %s".formatted(DATE_TIME.format(event.at().atZone(this.zone)), event.actor(),
							FormText.escape(event.note())))
					.collect(Collectors.joining("\n")));
		data.put("financeNote", FormText.escape(view.confirmationNote()));
		data.put("lines",
				jsonValue(view.lines()
					.stream()
					.map((line) -> Map.of("lineNo", line.lineNo(), "sku", line.sku(), "name", line.name(), "quantity",
							line.quantity(), "unitPrice", money(line.unitPrice()), "amount", money(line.amount()),
							"condition", (line.condition() == LineCondition.SCRAP) ? "Scrap 报废" : "Restock 入库"))
					.toList()));
		data.put("lineOptions",
				jsonValue(
						view.lines()
							.stream()
							.map((line) -> Map.of("label",
									"%d · %s %s × %d".formatted(line.lineNo(), line.sku(), line.name(),
											line.quantity()),
									"value", String.valueOf(line.lineNo())))
							.toList()));
		data.put("warehouseOptions",
				jsonValue(this.warehouses.findAll()
					.stream()
					.map((warehouse) -> Map.of("label", warehouse.getCode() + " · " + warehouse.getName(), "value",
							warehouse.getCode()))
					.toList()));
		if (view.refundMethod() != null) {
			data.put("warehouseLabel",
					this.warehouses.findById(view.warehouseCode())
						.map((warehouse) -> warehouse.getCode() + " · " + warehouse.getName())
						.orElse(view.warehouseCode()));
			data.put("refundMethodLabel", view.refundMethod().label());
			data.put("refundAmountText", money(view.refundAmount()));
			long scrapped = view.lines().stream().filter((line) -> line.condition() == LineCondition.SCRAP).count();
			data.put("conditionSummary",
					customer ? "%d line(s) restocked, %d scrapped · 入库 %d 行，报废 %d 行"
						.formatted(view.lines().size() - scrapped, scrapped, view.lines().size() - scrapped, scrapped)
							: "Goods go back to the supplier · 退回供应商");
		}
		return data;
	}

	private Object jsonValue(List<?> value) {
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
