package io.returnsdesk.web;

import java.net.URI;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import io.returnsdesk.catalog.Product;
import io.returnsdesk.sales.TradeOrder;
import io.returnsdesk.support.Footprint;
import io.returnsdesk.support.IntegrationTest;
import io.returnsdesk.support.Ledgers;
import io.returnsdesk.support.ReturnDriver;
import io.returnsdesk.support.TestFixtures;
import io.returnsdesk.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static io.returnsdesk.support.Logins.as;
import static io.returnsdesk.support.TestFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every kind of bad input to the API, row by row as the README's "Bad input" table lists
 * it: each is answered with a 4xx problem whose detail a person can read, and each leaves
 * returns, stock, postings, notifications, process instances and tasks as they were.
 *
 * <p>
 * The world of the rows: two lamps shipped on an order, one of them already held by a
 * submitted return; a kettle in the catalogue but not on the order; an order not shipped
 * yet. In a row, {order}, {sku}, {other}, {open} and {submitted} stand for them.
 */
@IntegrationTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputApiIntegrationTest {

	static final String USER = "badinputclerk";

	static final String ACCOUNTANT = "badinputfinance";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReturnDriver driver;

	@Autowired
	Ledgers ledgers;

	@Autowired
	Footprint footprint;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcTemplate jdbc;

	Product lamp;

	Product kettle;

	TradeOrder order;

	TradeOrder open;

	String submitted;

	// once, but within a test: the process test coverage records only while one runs
	@BeforeEach
	void shipTwoLampsAndHoldOne() {
		if (this.lamp != null) {
			return;
		}
		this.users.ensure(USER, TestUsers.PASSWORD, "sales", "managers");
		this.lamp = this.fixtures.product("159.00", 5);
		this.kettle = this.fixtures.product("89.00", 5);
		this.order = this.fixtures.shippedSale(4, line(this.lamp, 2));
		this.open = this.fixtures.openSale(line(this.lamp, 1));
		this.submitted = this.driver.request(this.order.getNumber(), "DAMAGED", "REFUND", this.lamp.getSku(), 1);
	}

	static Stream<Arguments> badRequests() {
		return Stream.of(
				// quantities
				row("zero quantity", posting(body("0")), 422, "lines", "The quantity of {sku} must be more than zero"),
				row("negative quantity", posting(body("-1")), 422, "lines",
						"The quantity of {sku} must be more than zero"),
				row("fractional quantity", posting(body("1.5")), 422, "lines",
						"The quantity of {sku} must be a whole number of units, not 1.5"),
				row("absurdly large quantity 1e12", posting(body("1e12")), 422, "lines",
						"Only 2 unit(s) of {sku} were shipped on order {order}; 1000000000000 asked"),
				row("quantity of twenty digits", posting(body("99999999999999999999")), 422, "lines",
						"Only 2 unit(s) of {sku} were shipped on order {order}; 99999999999999999999 asked"),
				row("quantity with a huge exponent", posting(body("1e999999999")), 422, "lines",
						"Only 2 unit(s) of {sku} were shipped on order {order}; 1E+999999999 asked"),
				row("quantity with a tiny exponent", posting(body("1e-999999999")), 422, "lines",
						"The quantity of {sku} must be a whole number of units, not 1E-999999999"),
				row("quantity as text", posting(body("\"two\"")), 400, "lines[0].quantity",
						"The request body is not the JSON this call expects: "
								+ "lines[0].quantity must be a number, not 'two'"),
				row("no quantity", posting(lines("[{\"sku\":\"{sku}\"}]")), 422, "lines", "Give a quantity for {sku}"),
				// what is returned
				row("unknown order", posting(returnBody("SO-NOPE", "DAMAGED", null, "REFUND", lineOf("{sku}", "1"))),
						422, "orderNumber", "There is no order SO-NOPE"),
				row("no order", posting(returnBody(null, "DAMAGED", null, "REFUND", lineOf("{sku}", "1"))), 422,
						"orderNumber", "Name the original order of the return"),
				row("unknown SKU", posting(lines(lineOf("NO-SUCH-SKU", "1"))), 422, "lines",
						"NO-SUCH-SKU is not on order {order}"),
				row("unknown barcode in place of a SKU", posting(lines(lineOf("2999999999999", "1"))), 422, "lines",
						"2999999999999 is not on order {order}"),
				row("a product that is not on the order", posting(lines(lineOf("{other}", "1"))), 422, "lines",
						"{other} is not on order {order}"),
				row("a line number not on the order",
						posting(lines("[{\"sku\":\"{sku}\",\"lineNo\":7,\"quantity\":1}]")), 422, "lines",
						"Line 7 of order {order} is not {sku}; it is on line 1"),
				row("more than returnable, counting the pending return", posting(body("2")), 422, "lines",
						"Only 1 unit(s) of {sku} on order {order} can still be returned; 2 asked"),
				row("the same SKU twice, together more than returnable",
						posting(lines("[" + item("{sku}", "1") + "," + item("{sku}", "1") + "]")), 422, "lines",
						"Only 1 unit(s) of {sku} on order {order} can still be returned; 2 asked"),
				row("order not shipped yet",
						posting(returnBody("{open}", "DAMAGED", null, "REFUND", lineOf("{sku}", "1"))), 422,
						"orderNumber", "Order {open} has not been shipped yet; only its goods can be returned"),
				row("no lines", posting(lines("[]")), 422, "lines", "A return needs at least one line"),
				row("a line that is null", posting(lines("[null]")), 422, "lines", "Each line needs a SKU"),
				// why and how
				row("unknown reason", posting(returnBody("{order}", "BORED", null, "REFUND", lineOf("{sku}", "1"))),
						422, "reason", "'BORED' is not a reason; choose one of DAMAGED, DEFECTIVE, WRONG_ITEM"),
				row("unknown resolution", posting(returnBody("{order}", "DAMAGED", null, "SWAP", lineOf("{sku}", "1"))),
						422, "resolution", "'SWAP' is not a resolution; choose one of REFUND, EXCHANGE"),
				row("reason OTHER without detail",
						posting(returnBody("{order}", "OTHER", null, "REFUND", lineOf("{sku}", "1"))), 422,
						"reasonDetail", "Describe the reason when it is 'other'"),
				row("too long reason detail",
						posting(returnBody("{order}", "DAMAGED", "x".repeat(2001), "REFUND", lineOf("{sku}", "1"))),
						422, "reasonDetail", "The reason detail is longer than 2000 characters"),
				row("NUL in the reason detail",
						posting(returnBody("{order}", "DAMAGED", "Cracked\\u0000", "REFUND", lineOf("{sku}", "1"))),
						422, "reasonDetail", "The reason detail contains a control character (U+0000); remove it"),
				row("half a character in the reason detail",
						posting(returnBody("{order}", "DAMAGED", "Cracked \\ud800", "REFUND", lineOf("{sku}", "1"))),
						422, "reasonDetail", "The reason detail contains half a character (U+D800)"),
				row("NUL in the order number",
						posting(returnBody("SO\\u0000", "DAMAGED", null, "REFUND", lineOf("{sku}", "1"))), 422,
						"orderNumber", "The order number contains a control character (U+0000); remove it"),
				row("a very long order number",
						posting(returnBody("SO-" + "9".repeat(5000), "DAMAGED", null, "REFUND", lineOf("{sku}", "1"))),
						422, "orderNumber", "There is no order SO-" + "9".repeat(57) + "… (5003 characters)"),
				// the body
				row("malformed JSON", posting("{\"orderNumber\":"), 400, null,
						"The request body is not the JSON this call expects: it is not valid JSON at line 1, column 16"),
				row("more after the JSON", posting("{\"orderNumber\":\"{order}\"} {\"orderNumber\":\"SO-1\"}"), 400,
						null, "The request body is not the JSON this call expects: there is more after the JSON value"),
				row("lines as text", posting(lines("\"two lamps\"")), 400, "lines",
						"The request body is not the JSON this call expects: lines must be a list [ … ]"),
				row("the body a list", posting("[]"), 400, null,
						"The request body is not the JSON this call expects: the body must be an object { … }"),
				row("order number an object", posting("{\"orderNumber\":{\"number\":\"{order}\"}}"), 400, "orderNumber",
						"The request body is not the JSON this call expects: orderNumber must be text in quotes"),
				row("line number out of range",
						posting(lines("[{\"sku\":\"{sku}\",\"lineNo\":99999999999,\"quantity\":1}]")), 400,
						"lines[0].lineNo",
						"lines[0].lineNo must be a whole number from -2147483648 to 2147483647, " + "not 99999999999"),
				row("nested too deep", posting("{\"x\":" + "[".repeat(1500) + "]".repeat(1500) + "}"), 400, null,
						"The request body is not the JSON this call expects: Document nesting depth (1001) exceeds "
								+ "the maximum allowed (1000)"),
				row("no body", posting(null), 400, null, "The request has no body; send the JSON this call expects"),
				row("null as the body", posting("null"), 400, null,
						"The request has no body; send the JSON this call expects"),
				row("a body over 1 MB",
						posting(body("1").replace("}]}", "}],\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}")), 413, null,
						"The request body is larger than 1 MB, the most the API reads"),
				// types
				row("text instead of JSON", typed("text/plain", "orderNumber={order}"), 415, null,
						"This call does not take a body of type text/plain; send it as application/json"),
				row("XML instead of JSON", typed("application/xml", "<return/>"), 415, null,
						"This call does not take a body of type application/xml; send it as " + "application/json"),
				row("a body without a type", typed(null, body("1")), 415, null,
						"This call does not take a body of type application/octet-stream; send it as application/json"),
				// what the status allows
				row("revising a return that is not rejected", putting("/api/returns/{submitted}", body("1")), 409, null,
						"Return {submitted} is SUBMITTED and cannot be revised"),
				row("withdrawing a return that is not rejected", posting("/api/returns/{submitted}/withdraw", null),
						409, null, "Return {submitted} is SUBMITTED and cannot be withdrawn"),
				row("revising an unknown return", putting("/api/returns/RT-19990101-0001", body("1")), 404, null,
						"There is no return RT-19990101-0001"),
				row("withdrawing an unknown return", posting("/api/returns/RT-19990101-0001/withdraw", null), 404, null,
						"There is no return RT-19990101-0001"),
				// filters
				row("a day that is not a day", getting("/api/returns?from=yesterday"), 400, "from",
						"'yesterday' is not a valid value for from; write a day as yyyy-MM-dd, e.g. 2026-03-31"),
				row("a day that does not exist", getting("/api/returns?to=2026-02-30"), 400, "to",
						"'2026-02-30' is not a valid value for to; write a day as yyyy-MM-dd"),
				row("a day that is not a day in the export", getting("/api/returns/export.csv?from=yesterday"), 400,
						"from", "'yesterday' is not a valid value for from"),
				row("a day that is not a day in a report", getting("/api/reports/returns?from=yesterday"), 400, "from",
						"'yesterday' is not a date like 2026-11-26"),
				row("a status that does not exist", getting("/api/returns?status=LOST"), 400, "status",
						"'LOST' is not a valid value for status; choose one of SUBMITTED, APPROVED"),
				row("a status left empty", getting("/api/returns?status="), 400, "status",
						"'' is not a valid value for status; choose one of SUBMITTED, APPROVED"),
				row("a return type left empty in the export", getting("/api/returns/export.csv?type="), 400, "type",
						"'' is not a valid value for type; choose one of CUSTOMER, SUPPLIER"),
				row("a sort order with SQL", getting("/api/returns?sort=number;drop"), 400, "sort",
						"'number;drop' is not a sort order; choose one of requestedAt,desc"),
				row("a page beyond any result", getting("/api/returns?page=2147483647&size=200"), 400, "page",
						"Page 2147483647 of 200 rows starts beyond any result; ask for an earlier page"),
				row("a page beyond any result of orders", getting("/api/orders?page=2147483647&size=200"), 400, "page",
						"Page 2147483647 of 200 rows starts beyond any result"),
				row("a page that is not a number", getting("/api/orders?page=first"), 400, "page",
						"'first' is not a valid value for page"),
				row("NUL in a search", getting("/api/returns?q=%00"), 400, "q",
						"The parameter q contains a NUL character (%00), which no value can contain"),
				row("NUL in a product search", getting("/api/products?q=lamp%00"), 400, "q",
						"The parameter q contains a NUL character"),
				row("NUL in a stock filter", getting("/api/stock?sku=%00"), 400, "sku",
						"The parameter sku contains a NUL character"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badRequests")
	void refusesBadInputWithAReadableProblemAndChangesNothing(String name, Call call, int status, String field,
			String detail) throws Exception {
		Map<String, Long> before = this.footprint.now();

		ResultActions answer = this.mvc.perform(call.build(this::filledIn))
			.andExpect(status().is(status))
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(status))
			.andExpect(jsonPath("$.detail", containsString(filledIn(detail))));
		if (field != null) {
			answer.andExpect(jsonPath("$.field").value(field));
		}

		assertThat(this.footprint.now()).isEqualTo(before);
		assertThat(this.ledgers.status(this.submitted)).isEqualTo("SUBMITTED");
	}

	@Test
	void refusesAClientThatTakesNoJsonBeforeCreatingAnything() throws Exception {
		Map<String, Long> before = this.footprint.now();

		// the container turns the refusal into a problem (see
		// BadInputOverHttpIntegrationTest)
		this.mvc
			.perform(as(USER, post("/api/returns")).contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_XML)
				.content(filledIn(body("1"))))
			.andExpect(status().isNotAcceptable());

		assertThat(this.footprint.now()).isEqualTo(before);
	}

	@Test
	void refusesAnUploadToTheReturnsCall() throws Exception {
		Map<String, Long> before = this.footprint.now();

		this.mvc.perform(as(USER, multipart("/api/returns").file("file", filledIn(body("1")).getBytes())))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(
					jsonPath("$.detail", containsString("This call does not take a body of type multipart/form-data")));

		assertThat(this.footprint.now()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/api/returns?q=' or 1=1 --", "/api/returns?q=%' or '1'='1",
			"/api/returns?sku=%' ;drop table return_order;--", "/api/returns?store=TS' or 'a'='a",
			"/api/returns?party=x'); delete from return_order; --", "/api/returns/export.csv?q=' or 1=1 --",
			"/api/products?q=' or 1=1 --", "/api/orders?q=' union select * from return_order --",
			"/api/stock?sku=' or 1=1 --", "/api/stock/movements?returnNumber=' or '1'='1",
			"/api/finance/postings?returnNumber=' or '1'='1", "/api/reports/returns?store=' or 1=1 --" })
	void treatsSqlInFiltersAsTextAndChangesNothing(String url) throws Exception {
		Map<String, Long> before = this.footprint.now();
		String path = url.substring(0, url.indexOf('?'));
		String parameter = url.substring(url.indexOf('?') + 1, url.indexOf('='));
		String value = url.substring(url.indexOf('=') + 1);

		// the books are finance's to read
		this.users.ensure(ACCOUNTANT, TestUsers.PASSWORD, "finance");
		ResultActions answer = this.mvc
			.perform((path.startsWith("/api/finance") ? as(ACCOUNTANT, get(path)) : as(USER, get(path)))
				.param(parameter, value))
			.andExpect(status().isOk());
		if (path.equals("/api/returns") || path.equals("/api/orders")) {
			answer.andExpect(jsonPath("$.totalElements").value(0));
		}
		else if (!path.endsWith(".csv") && !path.startsWith("/api/reports")) {
			answer.andExpect(jsonPath("$", hasSize(0)));
		}

		assertThat(this.jdbc.queryForObject(
				"select count(*) from information_schema.tables " + "where lower(table_name) = 'return_order'",
				Integer.class))
			.isEqualTo(1);
		assertThat(this.footprint.now()).isEqualTo(before);
	}

	@Test
	void findsNoProductForAnUnknownBarcode() throws Exception {
		this.mvc.perform(as(USER, get("/api/products")).param("q", "2999999999999"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void takesPricesFromTheOrderWhateverTheClientSends() throws Exception {
		String body = filledIn("""
				{"orderNumber":"{order}","reason":"DAMAGED","resolution":"REFUND","number":"RT-20000101-0001",
				 "status":"CONFIRMED","totalAmount":0.01,"requestedBy":"someone else","channel":"CUSTOMER",
				 "lines":[{"sku":"{sku}","quantity":1,"unitPrice":0.01,"amount":0.01}]}""");

		this.mvc.perform(as(USER, post("/api/returns")).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("SUBMITTED"))
			.andExpect(jsonPath("$.requestedBy").value(USER))
			.andExpect(jsonPath("$.channel").value("DESK"))
			.andExpect(jsonPath("$.number", not("RT-20000101-0001")))
			.andExpect(jsonPath("$.lines[0].unitPrice").value(159.00))
			.andExpect(jsonPath("$.totalAmount").value(159.00));
	}

	private String filledIn(String text) {
		return (text == null) ? null
				: text.replace("{order}", this.order.getNumber())
					.replace("{open}", this.open.getNumber())
					.replace("{sku}", this.lamp.getSku())
					.replace("{other}", this.kettle.getSku())
					.replace("{submitted}", this.submitted);
	}

	private static Arguments row(String name, Call call, int status, String field, String detail) {
		return Arguments.of(name, call, status, field, detail);
	}

	private static String body(String quantity) {
		return lines(lineOf("{sku}", quantity));
	}

	private static String item(String sku, String quantity) {
		return "{\"sku\":\"%s\",\"quantity\":%s}".formatted(sku, quantity);
	}

	private static String lines(String lines) {
		return "{\"orderNumber\":\"{order}\",\"reason\":\"DAMAGED\",\"resolution\":\"REFUND\",\"lines\":" + lines + "}";
	}

	private static String lineOf(String sku, String quantity) {
		return "[" + item(sku, quantity) + "]";
	}

	private static String returnBody(String order, String reason, String detail, String resolution, String lines) {
		return "{\"orderNumber\":%s,\"reason\":\"%s\",\"reasonDetail\":%s,\"resolution\":\"%s\",\"lines\":%s}"
			.formatted((order != null) ? "\"" + order + "\"" : "null", reason,
					(detail != null) ? "\"" + detail + "\"" : "null", resolution, lines);
	}

	private static Call posting(String body) {
		return posting("/api/returns", body);
	}

	private static Call posting(String path, String body) {
		return new Call(HttpMethod.POST, path, (body != null) ? MediaType.APPLICATION_JSON_VALUE : null, body);
	}

	private static Call putting(String path, String body) {
		return new Call(HttpMethod.PUT, path, MediaType.APPLICATION_JSON_VALUE, body);
	}

	private static Call getting(String pathAndQuery) {
		return new Call(HttpMethod.GET, pathAndQuery, null, null);
	}

	private static Call typed(String contentType, String body) {
		return new Call(HttpMethod.POST, "/api/returns", contentType, body);
	}

	/** A request of a row, with placeholders filled in when it is sent. */
	record Call(HttpMethod method, String path, String contentType, String body) {

		MockHttpServletRequestBuilder build(UnaryOperator<String> fill) {
			MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(this.method,
					URI.create(encoded(fill.apply(this.path))));
			if (this.contentType != null) {
				request.contentType(this.contentType);
			}
			if (this.body != null) {
				request.content(fill.apply(this.body));
			}
			return as(USER, request);
		}

		private static String encoded(String pathAndQuery) {
			return pathAndQuery.replace(" ", "%20").replace("'", "%27").replace(";", "%3B");
		}

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

}
