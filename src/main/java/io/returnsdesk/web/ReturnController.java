package io.returnsdesk.web;

import java.net.URI;
import java.security.Principal;

import io.returnsdesk.returns.ReturnOrder;
import io.returnsdesk.returns.ReturnQueries;
import io.returnsdesk.returns.ReturnRequest;
import io.returnsdesk.returns.ReturnRequests;
import io.returnsdesk.returns.ReturnSummary;
import io.returnsdesk.returns.ReturnView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Return requests: create, read, revise, search.
 */
@RestController
@Tag(name = "Returns")
@RequestMapping("/api/returns")
class ReturnController {

	private final ReturnRequests requests;

	private final ReturnQueries queries;

	ReturnController(ReturnRequests requests, ReturnQueries queries) {
		this.requests = requests;
		this.queries = queries;
	}

	@Operation(summary = "Request a return against a shipped or received order")
	@PostMapping
	ResponseEntity<ReturnView> create(@RequestBody ReturnRequest request, Principal user) {
		ReturnOrder created = this.requests.request(request, user.getName());
		return ResponseEntity.created(URI.create("/api/returns/" + created.getNumber()))
			.body(this.queries.get(created.getNumber()));
	}

	@Operation(summary = "A return with its lines, refund and status history")
	@GetMapping("/{number}")
	ReturnView get(@PathVariable String number) {
		return this.queries.get(number);
	}

	@Operation(summary = "Revise a rejected return and resubmit it")
	@PutMapping("/{number}")
	ReturnView revise(@PathVariable String number, @RequestBody ReturnRequest request, Principal user) {
		this.requests.revise(number, request, user.getName());
		return this.queries.get(number);
	}

	@Operation(summary = "Search the history of returns",
			description = "Filters combine; days are the merchant's. Paged like the orders, newest first unless sorted.")
	@GetMapping
	PageResponse<ReturnSummary> search(@ParameterObject ReturnFilters filters,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return PageResponse.of(this.queries.search(filters.toSearch(), Paging.of(page, size)));
	}

}
