package io.returnsdesk.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.returnsdesk.catalog.Party;
import io.returnsdesk.catalog.PartyKind;
import io.returnsdesk.catalog.Product;
import io.returnsdesk.catalog.Store;
import io.returnsdesk.finance.CreditNote;
import io.returnsdesk.finance.Notes;
import io.returnsdesk.sales.TradeOrder;
import io.returnsdesk.support.IntegrationTest;
import io.returnsdesk.support.ReturnDriver;
import io.returnsdesk.support.TestFixtures;
import io.returnsdesk.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.returnsdesk.support.Logins.as;
import static io.returnsdesk.support.TestFixtures.line;
import static org.hamcrest.Matchers.startsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The note of a confirmed return as a PDF over the API: asked for with
 * {@code Accept: application/pdf} or at its {@code .pdf} address, by finance and the
 * analysts; JSON stays the answer otherwise; before confirmation and for other groups the
 * same problems as for JSON.
 */
@IntegrationTest
@AutoConfigureMockMvc
class CreditNotePdfApiIntegrationTest {

	static final String PASSWORD = TestUsers.PASSWORD;

	static final MediaType PDF = MediaType.APPLICATION_PDF;

	// what a browser sends when a link is followed
	static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReturnDriver driver;

	@Autowired
	TestUsers users;

	@Autowired
	Notes notes;

	@BeforeEach
	void people() {
		this.users.ensure("pdffinance", PASSWORD, "finance");
		this.users.ensure("pdfanalyst", PASSWORD, "analysts");
		this.users.ensure("pdfsales", PASSWORD, "sales");
		this.users.ensure("pdfwarehouse", PASSWORD, "warehouse");
	}

	@Test
	void financePrintsTheCreditNoteOfACustomersReturnInChineseWithItsAmountsNegativeInRed() throws Exception {
		Store store = this.fixtures.store();
		Party customer = this.fixtures.party(PartyKind.CUSTOMER, "张三丰");
		Product kettle = this.fixtures.product("电水壶 Kettle", "226.00", "0.13", 5, "120.00");
		TradeOrder sale = this.fixtures.shippedSale(store, customer, 3, line(kettle, 2));
		String number = this.driver.confirmedReturn(sale.getNumber(), "ORIGINAL_PAYMENT", "452.00", kettle.getSku(), 2);
		CreditNote note = this.notes.of(number).orElseThrow();

		MockHttpServletResponse response = this.mvc
			.perform(as("pdffinance", get("/api/returns/{number}/credit-note", number)).accept(PDF))
			.andExpect(status().isOk())
			.andExpect(content().contentType(PDF))
			.andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION,
					"inline; filename=\"%s.pdf\"".formatted(note.getNumber())))
			.andReturn()
			.getResponse();

		byte[] bytes = response.getContentAsByteArray();
		assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		// one page with the glyphs it uses: tens of kilobytes, not the font's megabytes
		assertThat(bytes.length).isBetween(10_000, 150_000);
		PrintedPdf pdf = PrintedPdf.read(bytes);
		assertThat(pdf.pages()).hasSize(1);
		assertThat(note.getNumber()).startsWith("CN-");
		assertThat(pdf.text()).contains("退货红字凭证", "Credit note", note.getNumber(), note.getIssuedOn().toString(),
				number, sale.getNumber(), "张三丰", customer.getCode(), store.getCode(), "原路退回 Original payment",
				kettle.getSku(), "电水壶 Kettle", "226.00", "13%", "-400.00", "-52.00", "-452.00");
		assertThat(pdf.red()).contains("-400.00", "-52.00", "-452.00");
		assertThat(pdf.fonts()).isNotEmpty().allSatisfy((font) -> {
			assertThat(font.name()).endsWith("+NotoSansSC-Regular");
			assertThat(font.fontFile()).isIn("FontFile2", "FontFile3");
		});
	}

	@Test
	void aSupplierReturnPrintsADebitNoteOfWhatTheSupplierOwes() throws Exception {
		Store store = this.fixtures.store();
		Party supplier = this.fixtures.party(PartyKind.SUPPLIER, "深圳华强电器有限公司");
		Product kettle = this.fixtures.product("电水壶 Kettle", "226.00", "0.13", 0, null);
		TradeOrder purchase = this.fixtures.receivedPurchase(store, supplier, 3, line(kettle, 5, "113.00"));
		String number = this.driver.confirmedReturn(purchase.getNumber(), "BANK_TRANSFER", "400.00", kettle.getSku(),
				4);
		CreditNote note = this.notes.of(number).orElseThrow();

		byte[] bytes = this.mvc.perform(as("pdfanalyst", get("/api/returns/{number}/credit-note", number)).accept(PDF))
			.andExpect(status().isOk())
			.andExpect(content().contentType(PDF))
			.andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION,
					"inline; filename=\"%s.pdf\"".formatted(note.getNumber())))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		PrintedPdf pdf = PrintedPdf.read(bytes);
		assertThat(note.getNumber()).startsWith("DN-");
		assertThat(pdf.text())
			.contains("退货借项通知单", "Debit note", note.getNumber(), "深圳华强电器有限公司", supplier.getCode(), purchase.getNumber(),
					"银行转账 Bank transfer", "电水壶 Kettle", "353.98", "46.02", "400.00")
			.doesNotContain("-400.00");
		assertThat(pdf.red()).isEmpty();
	}

	@Test
	void jsonStaysTheAnswerWithoutAnAcceptHeaderAndForJsonAndALinkOpensThePdfAddress() throws Exception {
		Product mug = this.fixtures.product("马克杯 Mug", "20.00", "0.13", 5, "8.00");
		TradeOrder sale = this.fixtures.shippedSale(3, line(mug, 1));
		String number = this.driver.confirmedReturn(sale.getNumber(), "CASH", "20.00", mug.getSku(), 1);

		this.mvc.perform(as("pdffinance", get("/api/returns/{number}/credit-note", number)))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.returnNumber").value(number));
		this.mvc
			.perform(as("pdffinance", get("/api/returns/{number}/credit-note", number))
				.accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.lines[0].name").value("马克杯 Mug"));
		this.mvc
			.perform(as("pdffinance", get("/api/returns/{number}/credit-note.pdf", number)).header(HttpHeaders.ACCEPT,
					BROWSER))
			.andExpect(status().isOk())
			.andExpect(content().contentType(PDF));
		byte[] linked = this.mvc
			.perform(as("pdfanalyst", get("/api/returns/{number}/credit-note.pdf", number)).header(HttpHeaders.ACCEPT,
					BROWSER))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(PrintedPdf.read(linked).text()).contains("马克杯 Mug", "-20.00");
	}

	@Test
	void aReturnNotConfirmedHasNoPrintableNoteButAProblem() throws Exception {
		Product mug = this.fixtures.product("20.00", 5);
		TradeOrder sale = this.fixtures.shippedSale(3, line(mug, 2));
		String number = this.driver.request(sale.getNumber(), "DAMAGED", "REFUND", mug.getSku(), 1);
		String detail = "Return %s has no credit or debit note: one is issued when finance confirms the return"
			.formatted(number);

		for (MockHttpServletRequestBuilder request : List.of(
				get("/api/returns/{number}/credit-note", number).accept(PDF),
				get("/api/returns/{number}/credit-note.pdf", number),
				get("/api/returns/{number}/credit-note.pdf", number).accept(PDF))) {
			this.mvc.perform(as("pdffinance", request))
				.andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value(detail));
		}
		this.mvc.perform(as("pdffinance", get("/api/returns/{number}/credit-note", "RT-20000101-9999")).accept(PDF))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("There is no return RT-20000101-9999"));
	}

	@Test
	void aClerkOrTheWarehouseIsRefusedThePdfWith403() throws Exception {
		Product mug = this.fixtures.product("20.00", 5);
		TradeOrder sale = this.fixtures.shippedSale(3, line(mug, 1));
		String number = this.driver.confirmedReturn(sale.getNumber(), "CASH", "20.00", mug.getSku(), 1);

		for (String user : List.of("pdfsales", "pdfwarehouse")) {
			for (MockHttpServletRequestBuilder request : List.of(
					get("/api/returns/{number}/credit-note", number).accept(PDF),
					get("/api/returns/{number}/credit-note.pdf", number))) {
				this.mvc.perform(as(user, request))
					.andExpect(status().isForbidden())
					.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
					.andExpect(jsonPath("$.detail").value(startsWith("Only finance, analysts may read the books")));
			}
		}
		this.mvc.perform(get("/api/returns/{number}/credit-note", number).accept(PDF))
			.andExpect(status().isUnauthorized());
	}

}
