package io.returnsdesk.webhooks.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.returnsdesk.returns.RefundMethod;
import io.returnsdesk.returns.ReturnView;
import io.returnsdesk.webhooks.WebhookEvent;

/**
 * The JSON a subscriber receives, {@code {id, type, occurredAt, data}}: written once,
 * when the event happens, and sent as it is on every try. Its mapper is its own, so that
 * a change to the API's JSON settings cannot change what receivers parse.
 */
final class WebhookBody {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
		.build();

	private WebhookBody() {
	}

	/**
	 * The body of an event about a return, as the return stands after the change.
	 * @param refundMethod the refund the event tells of, or null for the return's own
	 * @param refundAmount likewise
	 * @param rejectionReason the reason of a rejection, or null for other events
	 */
	static String of(UUID id, WebhookEvent type, Instant occurredAt, ReturnView view, RefundMethod refundMethod,
			BigDecimal refundAmount, String rejectionReason) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("returnNumber", view.number());
		data.put("type", view.type().name());
		data.put("status", view.status().name());
		data.put("orderNumber", view.orderNumber());
		data.put("storeCode", view.storeCode());
		data.put("reason", view.reason().name());
		data.put("resolution", view.resolution().name());
		data.put("totalAmount", money(view.totalAmount()));
		RefundMethod method = (refundMethod != null) ? refundMethod : view.refundMethod();
		data.put("refundMethod", (method != null) ? method.name() : null);
		data.put("refundAmount", money((refundAmount != null) ? refundAmount : view.refundAmount()));
		data.put("rejectionReason", rejectionReason);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", id.toString());
		body.put("type", type.code());
		body.put("occurredAt", occurredAt.toString());
		body.put("data", data);
		try {
			return JSON.writeValueAsString(body);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static BigDecimal money(BigDecimal amount) {
		return (amount != null) ? amount.setScale(2, RoundingMode.HALF_UP) : null;
	}

}
