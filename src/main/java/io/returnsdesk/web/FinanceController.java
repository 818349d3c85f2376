package io.returnsdesk.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.returnsdesk.finance.GeneralLedger;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The postings of returns.
 */
@RestController
@Tag(name = "Finance")
@RequestMapping("/api/finance")
class FinanceController {

	private final GeneralLedger ledger;

	FinanceController(GeneralLedger ledger) {
		this.ledger = ledger;
	}

	@Operation(summary = "Journal lines posted for returns")
	@GetMapping("/postings")
	List<PostingRow> postings(@RequestParam(required = false) String returnNumber) {
		return this.ledger.postings(StockController.blankToNull(returnNumber))
			.stream()
			.map((p) -> new PostingRow(p.getReference(), p.getEntryLine(), p.getAccount().code(),
					p.getAccount().nameEn() + " " + p.getAccount().nameZh(), p.getDebit(), p.getCredit(),
					p.getPostedAt()))
			.toList();
	}

	record PostingRow(String returnNumber, int line, String account, String accountName, BigDecimal debit,
			BigDecimal credit, Instant postedAt) {

	}

}
