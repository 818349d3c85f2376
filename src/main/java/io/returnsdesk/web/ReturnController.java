package io.returnsdesk.web;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.returnsdesk.catalog.StoreScope;
import io.returnsdesk.returns.ReturnHistory;
import io.returnsdesk.returns.ReturnProcessState;
import io.returnsdesk.returns.ReturnQueries;
import io.returnsdesk.returns.ReturnQuote;
import io.returnsdesk.returns.ReturnReference;
import io.returnsdesk.returns.ReturnRequest;
import io.returnsdesk.returns.ReturnRequests;
import io.returnsdesk.returns.ReturnSearch;
import io.returnsdesk.returns.ReturnSummary;
import io.returnsdesk.returns.ReturnTimeline;
import io.returnsdesk.returns.ReturnView;
import io.returnsdesk.returns.TimelineEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.data.domain.Slice;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Return requests: create, read, revise, withdraw, search, export; their timeline and
 * process. A user bound to stores meets only their stores' returns and orders: another
 * store's is answered as one there is not.
 */
@RestController
@Tag(name = "Returns")
@RequestMapping("/api/returns")
class ReturnController {

	/**
	 * The most rows an export holds; a year of a busy merchant, and still a sheet Excel
	 * opens.
	 */
	static final int EXPORT_LIMIT = 50_000;

	/**
	 * A return's number has no dot: {@code /api/returns/export.csv} is the export, not a
	 * return, and a path answers only the methods of its own calls.
	 */
	static final String NUMBER = "[^.]+";

	private static final String RULE_BROKEN = "The return breaks a rule of returns (the problem's detail says which, "
			+ "its field where one input is at fault), or the Idempotency-Key was used for another request";

	private static final String NOT_REQUESTER = "Not a member of sales, or not the requester of this return";

	private static final String NOT_REJECTED = "The return is not REJECTED, or the Idempotency-Key is still being "
			+ "answered";

	private final ReturnRequests requests;

	private final ReturnQueries queries;

	private final ReturnHistory history;

	private final ReturnTimeline timeline;

	private final Idempotency idempotency;

	private final Clock clock;

	ReturnController(ReturnRequests requests, ReturnQueries queries, ReturnHistory history, ReturnTimeline timeline,
			Idempotency idempotency, Clock clock) {
		this.requests = requests;
		this.queries = queries;
		this.history = history;
		this.timeline = timeline;
		this.idempotency = idempotency;
		this.clock = clock;
	}

	@Operation(summary = "Request a return against a shipped or received order",
			description = "With an Idempotency-Key, sending the same request again creates nothing: it answers the "
					+ "first answer again.")
	@ApiResponse(responseCode = "201", description = "The return, created (or the first answer, replayed)",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ReturnView.class)))
	@ApiResponse(responseCode = "422", description = RULE_BROKEN)
	@PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> create(@RequestBody ReturnRequest request,
			@Parameter(description = Idempotency.DESCRIPTION) @RequestHeader(name = Idempotency.HEADER,
					required = false) String idempotencyKey,
			Principal user, StoreScope scope) {
		return this.idempotency.answer(user.getName(), idempotencyKey, HttpMethod.POST, "/api/returns", request, () -> {
			ReturnReference created = this.requests.request(request, user.getName(), scope);
			return ResponseEntity.created(URI.create("/api/returns/" + created.number()))
				.body(this.queries.get(created.number(), scope));
		});
	}

	@Operation(summary = "What a return would come to, saving nothing",
			description = "The same body as a new return, checked by the same rules: its lines at the original "
					+ "order's prices, their value, the restocking fee the policy keeps and the refund. The "
					+ "warehouse prices the fee again on the units that come back.")
	@ApiResponse(responseCode = "200", description = "The amounts")
	@ApiResponse(responseCode = "422", description = RULE_BROKEN)
	@PostMapping(path = "/quote", produces = MediaType.APPLICATION_JSON_VALUE)
	ReturnQuote quote(@RequestBody ReturnRequest request, Principal user, StoreScope scope) {
		return this.requests.quote(request, user.getName(), scope);
	}

	@Operation(summary = "A return with its lines, refund and status history")
	@GetMapping("/{number:" + NUMBER + "}")
	ReturnView get(@PathVariable String number, StoreScope scope) {
		return this.queries.get(number, scope);
	}

	@Operation(summary = "What happened to a return, oldest first",
			description = "Built from the engine's history (tasks with who had and completed them, decisions with "
					+ "reasons and notes, the approval reminder, posting, replacement) merged with the return's own "
					+ "status events, which stand alone once the engine's history is cleaned up.")
	@GetMapping("/{number}/timeline")
	List<TimelineEntry> timeline(@PathVariable String number, StoreScope scope) {
		return this.timeline.timeline(number, scope);
	}

	@Operation(summary = "Where a return's process stands and which task waits",
			description = "The process instance and its open user tasks with assignee and candidates, and the paths "
					+ "that open them in Camunda Cockpit and Tasklist.")
	@GetMapping("/{number}/process")
	ReturnProcessState process(@PathVariable String number, StoreScope scope) {
		return this.timeline.processState(number, scope);
	}

	@Operation(summary = "Revise a rejected return and resubmit it",
			description = "Only the requester, only while REJECTED (else 403 or 409); the body is that of a request. "
					+ "Completes the return's revision task, so the return is SUBMITTED for approval again.")
	@ApiResponse(responseCode = "200", description = "The return, revised (or the first answer, replayed)",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ReturnView.class)))
	@ApiResponse(responseCode = "403", description = NOT_REQUESTER)
	@ApiResponse(responseCode = "409", description = NOT_REJECTED)
	@ApiResponse(responseCode = "422", description = RULE_BROKEN)
	@PutMapping(path = "/{number:" + NUMBER + "}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> revise(@PathVariable String number, @RequestBody ReturnRequest request,
			@Parameter(description = Idempotency.DESCRIPTION) @RequestHeader(name = Idempotency.HEADER,
					required = false) String idempotencyKey,
			Principal user, StoreScope scope) {
		return this.idempotency.answer(user.getName(), idempotencyKey, HttpMethod.PUT, "/api/returns/" + number,
				request, () -> {
					this.requests.revise(number, request, user.getName(), scope);
					return ResponseEntity.ok(this.queries.get(number, scope));
				});
	}

	@Operation(summary = "Withdraw a rejected return",
			description = "Only the requester, only while REJECTED (else 403 or 409). Completes the return's revision "
					+ "task: the process ends, the return is WITHDRAWN and its units are returnable again.")
	@ApiResponse(responseCode = "200", description = "The return, withdrawn (or the first answer, replayed)",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ReturnView.class)))
	@ApiResponse(responseCode = "403", description = NOT_REQUESTER)
	@ApiResponse(responseCode = "409", description = NOT_REJECTED)
	@PostMapping(path = "/{number}/withdraw", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> withdraw(@PathVariable String number,
			@Parameter(description = Idempotency.DESCRIPTION) @RequestHeader(name = Idempotency.HEADER,
					required = false) String idempotencyKey,
			Principal user, StoreScope scope) {
		return this.idempotency.answer(user.getName(), idempotencyKey, HttpMethod.POST,
				"/api/returns/" + number + "/withdraw", null, () -> {
					this.requests.withdraw(number, user.getName(), scope);
					return ResponseEntity.ok(this.queries.get(number, scope));
				});
	}

	@Operation(summary = "Export the history search as CSV for Excel",
			description = "The filters and sort of the search, without paging, at most 50,000 rows: UTF-8 with a "
					+ "byte order mark, one row per return. X-Export-Limit gives the cap, X-Export-Truncated "
					+ "whether more returns matched.")
	@ApiResponse(responseCode = "200", description = "The CSV file",
			headers = {
					@Header(name = "X-Export-Limit", required = true, description = "The most rows an export holds",
							schema = @Schema(type = "integer")),
					@Header(name = "X-Export-Truncated", required = true,
							description = "Whether more returns matched than the export holds",
							schema = @Schema(type = "boolean")) },
			content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
	@GetMapping("/export.csv")
	void export(@ParameterObject ReturnFilters filters, StoreScope scope, HttpServletResponse response)
			throws IOException {
		ReturnSearch search = filters.toSearch();
		Slice<ReturnSummary> rows = this.history.first(search, scope, EXPORT_LIMIT);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename("returns-%s.csv".formatted(LocalDate.now(this.clock)))
					.build()
					.toString());
		response.setHeader("X-Export-Limit", String.valueOf(EXPORT_LIMIT));
		response.setHeader("X-Export-Truncated", String.valueOf(rows.hasNext()));
		try (CsvWriter csv = new CsvWriter(response.getOutputStream())) {
			ReturnCsv.write(rows.getContent(), this.clock.getZone(), csv);
		}
	}

	@Operation(summary = "Search the history of returns",
			description = "Filters combine; days are the merchant's; only returns of the user's stores (a store of "
					+ "another gives none). Paged like the orders, newest first unless sorted. "
					+ "Free text alone is counted up to returns.search.count-cap (2,000) matches: beyond, totalExact "
					+ "is false and totalElements a lower bound (the cap, or one more than the rows up to this page "
					+ "while more follow).")
	@GetMapping
	HistoryPageResponse search(@ParameterObject ReturnFilters filters, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, StoreScope scope) {
		return HistoryPageResponse.of(this.history.page(filters.toSearch(), scope, Paging.of(page, size)));
	}

}
