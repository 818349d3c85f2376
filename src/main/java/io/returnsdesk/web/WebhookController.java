package io.returnsdesk.web;

import java.net.URI;
import java.util.List;

import io.returnsdesk.webhooks.DeliveryState;
import io.returnsdesk.webhooks.WebhookDeliveryView;
import io.returnsdesk.webhooks.WebhookNotFoundException;
import io.returnsdesk.webhooks.WebhookRefusedException;
import io.returnsdesk.webhooks.WebhookSubscriptionView;
import io.returnsdesk.webhooks.Webhooks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhooks, for administrators: subscribe a URL to events of returns, list and delete
 * subscriptions, read the deliveries and deliver one again. Secrets go in, never out.
 */
@RestController
@Tag(name = "Webhooks")
@RequestMapping("/api/webhooks")
class WebhookController {

	private final Webhooks webhooks;

	WebhookController(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	@Operation(summary = "Subscribe a URL to events of returns (administrators)",
			description = "Each event is POSTed to the URL as {id, type, occurredAt, data}, signed with the secret "
					+ "(X-Returns-Signature: sha256=<hex HMAC-SHA256 of the body>); see docs/api.md. Outside the demo "
					+ "profile a URL on loopback or a private network is refused unless its host is allow-listed.")
	@ApiResponse(responseCode = "201", description = "The subscription, without its secret",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = WebhookSubscriptionView.class)))
	@PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<WebhookSubscriptionView> subscribe(@RequestBody WebhookRequest request, Authentication user) {
		WebhookSubscriptionView created;
		try {
			created = this.webhooks.subscribe(request.url(), request.events(), request.secret(), user.getName());
		}
		catch (WebhookRefusedException ex) {
			throw new BadRequestException(ex.getField(), ex.getMessage());
		}
		return ResponseEntity.created(URI.create("/api/webhooks/" + created.id())).body(created);
	}

	@Operation(summary = "The webhooks, oldest first, without their secrets (administrators)")
	@GetMapping
	List<WebhookSubscriptionView> subscriptions() {
		return this.webhooks.subscriptions();
	}

	@Operation(summary = "One webhook, without its secret (administrators)")
	@GetMapping("/{id}")
	WebhookSubscriptionView subscription(@PathVariable long id) {
		return this.webhooks.subscriptions()
			.stream()
			.filter((subscription) -> subscription.id() == id)
			.findFirst()
			.orElseThrow(() -> new WebhookNotFoundException("There is no webhook %d".formatted(id)));
	}

	@Operation(summary = "Delete a webhook (administrators)",
			description = "It receives no more events; its pending deliveries stop (DEAD, saying why).")
	@ApiResponse(responseCode = "204", description = "Deleted")
	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unsubscribe(@PathVariable long id) {
		this.webhooks.unsubscribe(id);
	}

	@Operation(summary = "The webhooks' deliveries, newest first, of a state or all (administrators)",
			description = "PENDING wait to be sent (lastError tells why a try failed), DELIVERED were answered 2xx, "
					+ "DEAD are dead letters: given up after the most attempts, or their webhook was deleted.")
	@GetMapping("/deliveries")
	PageResponse<WebhookDeliveryView> deliveries(@RequestParam(required = false) DeliveryState state,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		Pageable paging = Paging.of(page, size);
		Pageable newestFirst = PageRequest.of(paging.getPageNumber(), paging.getPageSize(),
				Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id")));
		return PageResponse.of(this.webhooks.deliveries(state, newestFirst));
	}

	@Operation(summary = "Deliver a DEAD or DELIVERED delivery again (administrators)",
			description = "Due at once, with the same event id and body; 409 for one still pending or of a deleted "
					+ "webhook.")
	@ApiResponse(responseCode = "200", description = "The delivery, pending again")
	@ApiResponse(responseCode = "409", description = "The delivery is still pending, or its webhook was deleted")
	@PostMapping("/deliveries/{id}/redeliver")
	WebhookDeliveryView redeliver(@PathVariable long id) {
		return this.webhooks.redeliver(id);
	}

	/**
	 * A subscription as an administrator asks for it.
	 *
	 * @param url where the events go: absolute http or https
	 * @param events the events it receives
	 * @param secret what the deliveries are signed with; never answered
	 */
	record WebhookRequest(
			@Schema(description = "Where the events are POSTed: an absolute http or https URL", format = "uri",
					maxLength = Webhooks.MAX_URL, example = "https://erp.example.com/returns/events") String url,
			@ArraySchema(minItems = 1, arraySchema = @Schema(description = "The events it receives"),
					schema = @Schema(allowableValues = {
							"return.submitted", "return.approved", "return.rejected", "return.processed",
							"return.confirmed" })) List<String> events,
			@Schema(description = "The HMAC-SHA256 key the deliveries are signed with; never answered",
					minLength = Webhooks.MIN_SECRET, maxLength = Webhooks.MAX_SECRET, writeOnly = true) String secret){

	}

}
