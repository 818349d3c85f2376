package io.returnsdesk.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.returnsdesk.returns.CustomerNotRecognizedException;
import io.returnsdesk.returns.CustomerOrderView;
import io.returnsdesk.returns.CustomerReturnRequest;
import io.returnsdesk.returns.CustomerReturnView;
import io.returnsdesk.returns.CustomerReturns;
import io.returnsdesk.returns.ReturnReference;
import io.returnsdesk.returns.ReturnStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Self-service, without an account: a customer who gives an order's number and the last
 * four digits of the phone it was placed with reads what of it they may return, asks for
 * a return, and follows it. Whoever is not recognised gets one refusal, the same 404 and
 * the same bytes whatever the reason; every call is rate-limited per client address and
 * per number ({@link PublicDoor}).
 */
@RestController
@Tag(name = "Self-service (public)")
@RequestMapping("/api/public")
class PublicReturnController {

	/** The one refusal of every "who are you" failure; its instance names no number. */
	static final String NOT_RECOGNISED = "No order or return matches this number and these last four digits of the "
			+ "phone: check both on the order's receipt";

	private static final String REFUSED = "Not recognised: no such order or return, a wrong phone, or an order "
			+ "that is not a customer's sale (always this same answer)";

	private static final String TOO_MANY = "Too many calls from this address, or about this number: wait "
			+ "Retry-After seconds";

	private static final String LAST_FOUR = "The last four digits of the phone number the order was placed with";

	private final CustomerReturns customers;

	private final PublicDoor door;

	private final MessageSource messages;

	PublicReturnController(CustomerReturns customers, PublicDoor door, MessageSource messages) {
		this.customers = customers;
		this.door = door;
		this.messages = messages;
	}

	@Operation(summary = "A customer's order with what each line may still return",
			description = "For the public page: the customer gives the order's number and the last four digits of "
					+ "the phone the order was placed with.")
	@ApiResponse(responseCode = "200", description = "The order, as its customer sees it",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = CustomerOrderView.class)))
	@ApiResponse(responseCode = "404", description = REFUSED)
	@ApiResponse(responseCode = "422", description = "phoneLast4 is not four digits")
	@ApiResponse(responseCode = "429", description = TOO_MANY)
	@GetMapping(path = "/orders/{number}", produces = MediaType.APPLICATION_JSON_VALUE)
	CustomerOrderView order(@PathVariable String number,
			@Parameter(description = LAST_FOUR) @RequestParam(required = false) String phoneLast4,
			HttpServletRequest request) {
		this.door.enter(request.getRemoteAddr(), number);
		return this.customers.order(number, phoneLast4);
	}

	@Operation(summary = "Ask for a return of one's own order, without an account",
			description = "Enters the same process as a clerk's request, by the same rules (a shipped order, "
					+ "quantities within what is returnable, a detail where the reason needs one, prices from the "
					+ "order), as a refund; the return's channel is CUSTOMER and its requester the customer.")
	@ApiResponse(responseCode = "201", description = "The return, created",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = PublicReturnView.class)))
	@ApiResponse(responseCode = "404", description = REFUSED)
	@ApiResponse(responseCode = "422",
			description = "The return breaks a rule of returns (the problem's detail "
					+ "says which, its field where one input is at fault)")
	@ApiResponse(responseCode = "429", description = TOO_MANY)
	@PostMapping(path = "/returns", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<PublicReturnView> request(@RequestBody CustomerReturnRequest body, HttpServletRequest request,
			Locale locale) {
		this.door.enter(request.getRemoteAddr(), body.orderNumber());
		ReturnReference created = this.customers.request(body);
		return ResponseEntity.created(URI.create("/api/public/returns/" + created.number()))
			.body(view(this.customers.follow(created.number(), body.phoneLast4()), locale));
	}

	@Operation(summary = "Follow one's return: its status and what happened, as the customer reads it",
			description = "No staff names and no internal notes: of what people wrote, only a rejection's reason, "
					+ "which is written for the requester. The timeline's text is in the caller's language "
					+ "(Accept-Language, or the page's choice).")
	@ApiResponse(responseCode = "200", description = "The return, as its customer follows it",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = PublicReturnView.class)))
	@ApiResponse(responseCode = "404", description = REFUSED)
	@ApiResponse(responseCode = "422", description = "phoneLast4 is not four digits")
	@ApiResponse(responseCode = "429", description = TOO_MANY)
	@GetMapping(path = "/returns/{number}", produces = MediaType.APPLICATION_JSON_VALUE)
	PublicReturnView follow(@PathVariable String number,
			@Parameter(description = LAST_FOUR) @RequestParam(required = false) String phoneLast4,
			HttpServletRequest request, Locale locale) {
		this.door.enter(request.getRemoteAddr(), number);
		return view(this.customers.follow(number, phoneLast4), locale);
	}

	@ExceptionHandler(CustomerNotRecognizedException.class)
	ResponseEntity<ProblemDetail> notRecognised() {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(notRecognisedProblem());
	}

	/** The uniform refusal: the same for every path that refuses, to the byte. */
	static ProblemDetail notRecognisedProblem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, NOT_RECOGNISED);
		problem.setTitle("Not found");
		problem.setInstance(URI.create("/api/public"));
		return problem;
	}

	@ExceptionHandler(PublicDoor.TooManyCallsException.class)
	ResponseEntity<ProblemDetail> tooMany(PublicDoor.TooManyCallsException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, ex.getMessage());
		problem.setTitle("Too Many Requests");
		problem.setInstance(URI.create("/api/public"));
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.getRetryAfterSeconds()))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	private PublicReturnView view(CustomerReturnView found, Locale locale) {
		Locale language = DeskConfiguration.supported(locale);
		return new PublicReturnView(found.number(), found.status(), found.orderNumber(), found.requestedAt(),
				found.lines(), found.totalAmount(), found.refundAmount(),
				found.steps()
					.stream()
					.map((step) -> new PublicReturnView.Step(step.at(), step.status(),
							this.messages.getMessage("selfservice.step." + step.status().name(), null, language),
							step.reason()))
					.toList());
	}

	/**
	 * A return as its customer follows it: status, lines, amounts (the refund once the
	 * goods are counted) and the timeline, each step with a text in the caller's
	 * language.
	 */
	@Schema(name = "PublicReturn")
	record PublicReturnView(String number, ReturnStatus status, String orderNumber, Instant requestedAt,
			List<CustomerReturnView.Line> lines, BigDecimal totalAmount, @Nullable BigDecimal refundAmount,
			List<Step> timeline) {

		/**
		 * When the return reached a status, what that means for the customer, and a
		 * rejection's reason.
		 */
		@Schema(name = "PublicReturnStep")
		record Step(Instant at, ReturnStatus status, String text, @Nullable String reason) {

		}

	}

}
