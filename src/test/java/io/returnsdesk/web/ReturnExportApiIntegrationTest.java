package io.returnsdesk.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

import io.returnsdesk.catalog.Party;
import io.returnsdesk.catalog.PartyKind;
import io.returnsdesk.catalog.Product;
import io.returnsdesk.catalog.Store;
import io.returnsdesk.engine.EngineTime;
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
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.returnsdesk.support.Logins.as;
import static io.returnsdesk.support.TestFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The CSV export of the history search, as Excel will open it.
 */
@IntegrationTest
@AutoConfigureMockMvc
class ReturnExportApiIntegrationTest {

	static final String USER = "exportclerk";

	static final String HEADER = "Number,Requested at,Returned on,Status,Type,Order,Party code,Party,Store,Reason,"
			+ "Reason detail,Resolution,Units asked,Units received,Units written off,Total,Refund method,Refund amount,"
			+ "Returnless";

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

	Store store;

	@BeforeEach
	void login() {
		this.users.ensure(USER, TestUsers.PASSWORD, "sales");
		this.store = this.fixtures.store();
	}

	@Test
	void exportsUtf8WithByteOrderMarkHeaderAndOneQuotedRowPerReturn() throws Exception {
		Product teapot = this.fixtures.product("88.50", 10);
		Party shanghai = this.fixtures.party(PartyKind.CUSTOMER, "上海茶具有限公司");
		TradeOrder order = this.fixtures.shippedSale(this.store, shanghai, 3, line(teapot, 2));
		String number = this.driver.requestDescribed(order, "Lid \"chipped\", spout bent\nsee photo", teapot, 2);
		this.driver.approve(number, ReturnDriver.APPROVER);
		this.driver.process(number, TestFixtures.WAREHOUSE, "STORE_CREDIT", "150.00", null);

		MockHttpServletResponse response = this.mvc
			.perform(as(USER, get("/api/returns/export.csv")).param("store", this.store.getCode()))
			.andExpect(status().isOk())
			.andExpect(content().contentType("text/csv;charset=UTF-8"))
			.andExpect(header().string("Content-Disposition",
					"attachment; filename=\"returns-%s.csv\"".formatted(LocalDate.now(this.clock))))
			.andExpect(header().string("X-Export-Limit", "50000"))
			.andExpect(header().string("X-Export-Truncated", "false"))
			.andReturn()
			.getResponse();

		byte[] bytes = response.getContentAsByteArray();
		assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		List<String> lines = csvLines(bytes);
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0)).isEqualTo(HEADER);
		// processed without a receipt: every unit came back today, none written off
		assertThat(lines.get(1)).matches(number + ",\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}," + LocalDate.now(this.clock)
				+ ",PROCESSED,CUSTOMER," + order.getNumber() + "," + shanghai.getCode() + ",上海茶具有限公司,"
				+ this.store.getCode()
				+ ",DEFECTIVE,\"Lid \"\"chipped\"\", spout bent\nsee photo\",REFUND,2,2,0,177.00,STORE_CREDIT,150.00,false");
	}

	@Test
	void disarmsCellsThatASpreadsheetWouldRunAsFormulas() throws Exception {
		Product cup = this.fixtures.product("5.00", 10);
		Party hostile = this.fixtures.party(PartyKind.CUSTOMER, "=HYPERLINK(\"http://evil.example\",\"Click\")");
		this.driver.requestDescribed(this.fixtures.shippedSale(this.store, hostile, 1, line(cup, 1)), "@SUM(1+1)", cup,
				1);

		List<String> lines = exported(get("/api/returns/export.csv").param("store", this.store.getCode()));

		assertThat(lines.get(1)).contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\",")
			.contains(",'@SUM(1+1),")
			.endsWith(",5.00,,,false");
	}

	@Test
	void tellsTheDayTheGoodsCameBackAndTheUnitsAskedReceivedAndWrittenOff() throws Exception {
		Product mug = this.fixtures.product("25.50", 10);
		Party party = this.fixtures.party(PartyKind.CUSTOMER, "Mug buyer");
		TradeOrder order = this.fixtures.shippedSale(this.store, party, 5, line(mug, 4));
		Instant requested = this.clock.instant().minus(Duration.ofDays(3));
		EngineTime.set(requested);
		String number;
		String waiting;
		try {
			number = this.driver.requestDescribed(order, "Two came back; one of them broken", mug, 3);
			waiting = this.driver.requestDescribed(order, "Not processed yet", mug, 1);
			this.driver.approve(number, ReturnDriver.APPROVER);
		}
		finally {
			EngineTime.reset();
		}
		LocalDate cameBack = LocalDate.ofInstant(requested, this.clock.getZone()).plusDays(1);
		this.driver.process(number, TestFixtures.WAREHOUSE, "ORIGINAL_PAYMENT", "51.00",
				ReturnDriver.receipt("{\"1\": 2}", "{\"1\": 1}", cameBack.toString()));

		List<String> lines = exported(get("/api/returns/export.csv").param("store", this.store.getCode())
			.param("party", party.getCode())
			.param("sort", "number,asc"));

		// the total is the value of the two units received, no longer of the three asked
		assertThat(lines).hasSize(3);
		assertThat(cells(lines.get(1))).containsExactly(number, minutes(requested), cameBack.toString(), "PROCESSED",
				"CUSTOMER", order.getNumber(), party.getCode(), "Mug buyer", this.store.getCode(), "DEFECTIVE",
				"Two came back; one of them broken", "REFUND", "3", "2", "1", "51.00", "ORIGINAL_PAYMENT", "51.00",
				"false");
		// not processed: neither the day nor the units received or written off are known
		assertThat(cells(lines.get(2))).containsExactly(waiting, minutes(requested), "", "SUBMITTED", "CUSTOMER",
				order.getNumber(), party.getCode(), "Mug buyer", this.store.getCode(), "DEFECTIVE", "Not processed yet",
				"REFUND", "1", "", "", "25.50", "", "", "false");
		// the history search's rows say the same
		this.mvc
			.perform(as(USER, get("/api/returns")).param("store", this.store.getCode())
				.param("party", party.getCode())
				.param("sort", "number,asc"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[0].returnedOn").value(cameBack.toString()))
			.andExpect(jsonPath("$.content[0].unitsAsked").value(3))
			.andExpect(jsonPath("$.content[0].unitsReceived").value(2))
			.andExpect(jsonPath("$.content[0].unitsWrittenOff").value(1))
			.andExpect(jsonPath("$.content[0].returnless").value(false))
			.andExpect(jsonPath("$.content[0].totalAmount").value(51.00))
			.andExpect(jsonPath("$.content[1].returnedOn").value(nullValue()))
			.andExpect(jsonPath("$.content[1].unitsAsked").value(1))
			.andExpect(jsonPath("$.content[1].unitsReceived").value(nullValue()))
			.andExpect(jsonPath("$.content[1].unitsWrittenOff").value(nullValue()));
	}

	@Test
	void writesOnlyTheHeaderWhenNothingMatches() throws Exception {
		List<String> lines = exported(get("/api/returns/export.csv").param("store", this.store.getCode()));
		assertThat(lines).containsExactly(HEADER);
	}

	@Test
	void refusesBadFiltersAsAProblemNotAsCsv() throws Exception {
		this.mvc.perform(as(USER, get("/api/returns/export.csv")).param("sort", "cheapest"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value("sort"));
		this.mvc.perform(as(USER, get("/api/returns/export.csv")).param("to", "2021-13-01"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value("to"));
	}

	@Test
	void needsALogin() throws Exception {
		this.mvc.perform(get("/api/returns/export.csv")).andExpect(status().isUnauthorized());
	}

	/** The cells of a record without quotes (none of these needs any). */
	private static List<String> cells(String record) {
		return List.of(record.split(",", -1));
	}

	private String minutes(Instant at) {
		return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(at.atZone(this.clock.getZone()));
	}

	/** The records of an export that the clerk asks for and is given. */
	private List<String> exported(MockHttpServletRequestBuilder request) throws Exception {
		return csvLines(this.mvc.perform(as(USER, request))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray());
	}

	/**
	 * The records after the byte order mark; a quoted line break stays inside its record.
	 */
	private static List<String> csvLines(byte[] bytes) {
		String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
		assertThat(text).endsWith("\r\n");
		return List.of(text.substring(0, text.length() - 2).split("\r\n"));
	}

}
