package io.returnsdesk.web;

import java.time.LocalDate;

import io.returnsdesk.returns.ReturnSearch;
import io.returnsdesk.returns.ReturnSort;
import io.returnsdesk.returns.ReturnStatus;
import io.returnsdesk.returns.ReturnType;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The query parameters of the history search and its export.
 */
record ReturnFilters(@Parameter(
		description = "Return number, or part of the number, order number, party name or reason detail") String q,
		@Parameter(description = "Only returns in this status") ReturnStatus status,
		@Parameter(description = "Customer or supplier returns") ReturnType type,
		@Parameter(
				description = "Requested on this day or later (yyyy-MM-dd, the merchant's calendar)") @DateTimeFormat(
						iso = DateTimeFormat.ISO.DATE) LocalDate from,
		@Parameter(
				description = "Requested on this day or earlier (yyyy-MM-dd, the merchant's calendar)") @DateTimeFormat(
						iso = DateTimeFormat.ISO.DATE) LocalDate to,
		@Parameter(description = "Store code of the original order") String store,
		@Parameter(description = "Customer or supplier code, or part of the name") String party,
		@Parameter(description = "Only returns with a line of this SKU") String sku,
		@Parameter(description = "Order of the list",
				schema = @Schema(defaultValue = "requestedAt,desc", allowableValues = {
						"requestedAt,desc", "requestedAt,asc", "number,asc", "number,desc", "totalAmount,asc",
						"totalAmount,desc", "status,asc", "status,desc" })) String sort){

	ReturnSearch toSearch() {
		if (this.from != null && this.to != null && this.from.isAfter(this.to)) {
			throw new BadRequestException("from",
					"The from day %s is after the to day %s; swap them or leave one out".formatted(this.from, this.to));
		}
		return new ReturnSearch(this.status, this.type, this.from, this.to, this.q, this.store, this.party, this.sku,
				sortOrder());
	}

	private ReturnSort sortOrder() {
		if (this.sort == null || this.sort.isBlank()) {
			return null;
		}
		return ReturnSort.ofParameter(this.sort)
			.orElseThrow(() -> new BadRequestException("sort",
					"'%s' is not a sort order; choose one of %s".formatted(this.sort, ReturnSort.parameters())));
	}

}
