package io.returnsdesk.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.returnsdesk.catalog.Product;
import io.returnsdesk.sales.TradeOrder;
import io.returnsdesk.support.IntegrationTest;
import io.returnsdesk.support.ReturnDriver;
import io.returnsdesk.support.TestFixtures;
import io.returnsdesk.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static io.returnsdesk.support.Logins.as;
import static io.returnsdesk.support.TestFixtures.line;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The books through the API: a return's postings with their entry and account names, the
 * journal, the trial balance, the reconciliation and the credit note, for finance and the
 * analysts only; every other group is refused with a problem, and bad periods too.
 */
@IntegrationTest
@AutoConfigureMockMvc
class FinanceApiIntegrationTest {

	static final String PASSWORD = TestUsers.PASSWORD;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReturnDriver driver;

	@Autowired
	TestUsers users;

	@Autowired
	Clock clock;

	@BeforeEach
	void people() {
		this.users.ensure("booksfinance", PASSWORD, "finance");
		this.users.ensure("booksanalyst", PASSWORD, "analysts");
		this.users.ensure("bookssales", PASSWORD, "sales");
		this.users.ensure("bookswarehouse", PASSWORD, "warehouse");
		this.users.ensure("booksapprover", PASSWORD, "approvers");
		this.users.ensure("booksadmin", PASSWORD, "camunda-admin");
	}

	@Test
	void financeReadsAReturnsPostingsJournalTrialBalanceReconciliationAndCreditNote() throws Exception {
		Product kettle = this.fixtures.product("Kettle 电水壶", "226.00", "0.13", 5, "120.00");
		TradeOrder sale = this.fixtures.shippedSale(3, line(kettle, 1));
		String number = this.driver.confirmedReturn(sale.getNumber(), "CASH", "226.00", kettle.getSku(), 1);
		String today = LocalDate.now(this.clock).toString();

		this.mvc.perform(as("booksfinance", get("/api/finance/postings").param("returnNumber", number)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].returnNumber").value(contains(number, number, number, number, number)))
			.andExpect(jsonPath("$[*].account").value(contains("6001", "2221.01", "1001", "1405", "6401")))
			.andExpect(jsonPath("$[*].debit").value(contains(200.0, 26.0, 0.0, 120.0, 0.0)))
			.andExpect(jsonPath("$[*].credit").value(contains(0.0, 0.0, 226.0, 0.0, 120.0)))
			.andExpect(jsonPath("$[2].accountName").value("Cash 库存现金"))
			.andExpect(jsonPath("$[0].entryNumber").value(startsWith("JE-" + today.replace("-", "") + "-")))
			.andExpect(jsonPath("$[0].entryDate").value(today))
			.andExpect(jsonPath("$[0].line").value(1));
		this.mvc.perform(as("booksanalyst", get("/api/finance/entries").param("from", today).param("to", today)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].reference").value(hasItem(number)))
			.andExpect(jsonPath("$[?(@.reference == '%s')].memo".formatted(number))
				.value(contains("Customer return %s of %s · 客户退货 %s（原单 %s）".formatted(number, sale.getNumber(), number,
						sale.getNumber()))));
		this.mvc.perform(as("booksfinance", get("/api/finance/balances").param("from", today).param("to", today)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.account == '2221.01')].name").value(contains("Output VAT 应交税费-应交增值税(销项税额)")))
			.andExpect(jsonPath("$[?(@.account == '6401')].balance").isNotEmpty());
		this.mvc.perform(as("booksfinance", get("/api/finance/reconciliation")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.asOf").value(today))
			.andExpect(jsonPath("$.movedByKind.CUSTOMER_RETURN").isNumber())
			.andExpect(jsonPath("$.valueOnHand").isNumber());
		this.mvc
			.perform(as("booksfinance", get("/api/returns/{number}/credit-note", number))
				.accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.number").value(startsWith("CN-" + today.replace("-", "") + "-")))
			.andExpect(jsonPath("$.kind").value("CREDIT"))
			.andExpect(jsonPath("$.returnNumber").value(number))
			.andExpect(jsonPath("$.orderNumber").value(sale.getNumber()))
			.andExpect(jsonPath("$.issuedOn").value(today))
			.andExpect(jsonPath("$.refundMethod").value("CASH"))
			.andExpect(jsonPath("$.lines[0].sku").value(kettle.getSku()))
			.andExpect(jsonPath("$.lines[0].quantity").value(1))
			.andExpect(jsonPath("$.lines[0].vatRate").value(0.13))
			.andExpect(jsonPath("$.net").value(200.0))
			.andExpect(jsonPath("$.tax").value(26.0))
			.andExpect(jsonPath("$.gross").value(226.0));
		// the return names its note
		this.mvc.perform(as("booksfinance", get("/api/returns/{number}", number)))
			.andExpect(jsonPath("$.creditNote").value(startsWith("CN-" + today.replace("-", "") + "-")));
	}

	@Test
	void aReturnNotConfirmedHasNoCreditNoteYet() throws Exception {
		Product mug = this.fixtures.product("20.00", 5);
		TradeOrder sale = this.fixtures.shippedSale(3, line(mug, 2));
		String number = this.driver.request(sale.getNumber(), "DAMAGED", "REFUND", mug.getSku(), 1);
		this.mvc.perform(as("booksfinance", get("/api/returns/{number}", number)))
			.andExpect(jsonPath("$.creditNote").value(nullValue()));

		this.mvc.perform(as("booksfinance", get("/api/returns/{number}/credit-note", number)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail")
				.value(("Return %s has no credit or debit note: one is issued when finance " + "confirms the return")
					.formatted(number)));
		this.mvc.perform(as("booksfinance", get("/api/returns/{number}/credit-note", "RT-20000101-9999")))
			.andExpect(status().isNotFound());
	}

	@Test
	void everyOtherGroupIsRefusedTheBooksWith403() throws Exception {
		for (String user : List.of("bookssales", "bookswarehouse", "booksapprover", "booksadmin")) {
			for (String path : List.of("/api/finance/postings", "/api/finance/entries", "/api/finance/balances",
					"/api/finance/reconciliation", "/api/returns/RT-20000101-9999/credit-note")) {
				this.mvc.perform(as(user, get(path)))
					.andExpect(status().isForbidden())
					.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
					.andExpect(jsonPath("$.detail").value(startsWith("Only finance, analysts may read the books")));
			}
		}
		this.mvc.perform(get("/api/finance/balances")).andExpect(status().isUnauthorized());
	}

	@Test
	void aPeriodThatIsNotOneIsRefusedWith400() throws Exception {
		this.mvc.perform(as("booksfinance", get("/api/finance/balances").param("from", "2026-13-01")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("'2026-13-01' is not a date like 2026-11-26"));
		this.mvc
			.perform(as("booksfinance",
					get("/api/finance/entries").param("from", "2026-12-05").param("to", "2026-12-01")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("The period ends (2026-12-01) before it starts (2026-12-05)"));
		this.mvc.perform(as("booksfinance", get("/api/finance/reconciliation").param("asOf", "yesterday")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("'yesterday' is not a date like 2026-11-26"));
	}

}
