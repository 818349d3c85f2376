package io.returnsdesk.web;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import io.returnsdesk.catalog.Party;
import io.returnsdesk.catalog.PartyKind;
import io.returnsdesk.catalog.Product;
import io.returnsdesk.catalog.Store;
import io.returnsdesk.returns.ReturnHistory;
import io.returnsdesk.returns.ReturnSearch;
import io.returnsdesk.returns.ReturnSort;
import io.returnsdesk.returns.ReturnSummary;
import io.returnsdesk.sales.TradeOrder;
import io.returnsdesk.support.IntegrationTest;
import io.returnsdesk.support.Ledgers;
import io.returnsdesk.support.ReturnDriver;
import io.returnsdesk.support.TestFixtures;
import io.returnsdesk.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.data.domain.Slice;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;

import static io.returnsdesk.support.Logins.as;
import static io.returnsdesk.support.TestFixtures.line;
import static io.returnsdesk.support.TimeTravel.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The history search on a small fixed history: three returns of one store over three days
 * (one of them a supplier return) and one of another store. Other tests share the
 * database, so every search names the store or something only this history has.
 */
@IntegrationTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReturnSearchApiIntegrationTest {

	static final String USER = "searchclerk";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReturnHistory history;

	@Autowired
	ReturnDriver driver;

	@Autowired
	Ledgers ledgers;

	@Autowired
	TestUsers users;

	@Autowired
	Clock clock;

	Store north;

	Store south;

	Party acme;

	Product lamp;

	Product cable;

	TradeOrder supplyOrder;

	/** Lamp, 100.00, requested 2021-03-01 23:30 in the merchant's zone: SUBMITTED. */
	String lateOnMonday;

	/** Two cables, 60.00, requested 2021-03-02 00:30 in the merchant's zone: REJECTED. */
	String earlyOnTuesday;

	/** Three lamps back to the supplier, 150.00, 2021-03-03: APPROVED. */
	String supplierReturn;

	/** A lamp of the other store, 2021-03-02: SUBMITTED. */
	String otherStore;

	// once, but within a test: the process test coverage records only while one runs
	@BeforeEach
	void buildTheHistoryOnce() {
		if (this.north != null) {
			return;
		}
		this.users.ensure(USER, TestUsers.PASSWORD, "sales");
		this.north = this.fixtures.store();
		this.south = this.fixtures.store();
		this.lamp = this.fixtures.product("100.00", 10);
		this.cable = this.fixtures.product("30.00", 10);
		this.acme = this.fixtures.party(PartyKind.CUSTOMER, "Acme Trading 艾克美贸易");
		Party beta = this.fixtures.party(PartyKind.CUSTOMER, "Beta Bikes");
		Party gamma = this.fixtures.party(PartyKind.SUPPLIER, "Gamma Supply");
		this.lateOnMonday = at(this.clock, "2021-03-01T23:30",
				() -> this.driver.requestDescribed(
						this.fixtures.shippedSale(this.north, this.acme, 5, line(this.lamp, 2)),
						"Glass cracked in transit", this.lamp, 1));
		this.earlyOnTuesday = at(this.clock, "2021-03-02T00:30",
				() -> this.driver.requestDescribed(this.fixtures.shippedSale(this.north, beta, 5, line(this.cable, 2)),
						"Loose plug", this.cable, 2));
		this.otherStore = at(this.clock, "2021-03-02T09:00",
				() -> this.driver.requestDescribed(
						this.fixtures.shippedSale(this.south, this.acme, 5, line(this.lamp, 1)), "Flickers", this.lamp,
						1));
		this.supplierReturn = at(this.clock, "2021-03-03T10:00", () -> {
			this.supplyOrder = this.fixtures.receivedPurchase(this.north, gamma, 5, line(this.lamp, 3, "50.00"));
			return this.driver.requestDescribed(this.supplyOrder, "Wrong colour, 100% sure", this.lamp, 3);
		});
		at(this.clock, "2021-03-04T09:00", () -> {
			this.driver.reject(this.earlyOnTuesday, "Photo missing");
			this.driver.approve(this.supplierReturn, ReturnDriver.APPROVER);
			return null;
		});
	}

	@Test
	void listsTheReturnsOfAStoreNewestFirstWithPartyStoreAndTotal() throws Exception {
		search("store", this.north.getCode()).andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.totalElements").value(3))
			.andExpect(jsonPath("$.page").value(0))
			.andExpect(jsonPath("$.size").value(20))
			.andExpect(numbers(this.supplierReturn, this.earlyOnTuesday, this.lateOnMonday))
			.andExpect(jsonPath("$.content[2].partyCode").value(this.acme.getCode()))
			.andExpect(jsonPath("$.content[2].partyName").value("Acme Trading 艾克美贸易"))
			.andExpect(jsonPath("$.content[2].storeCode").value(this.north.getCode()))
			.andExpect(jsonPath("$.content[2].totalAmount").value(100.00))
			.andExpect(jsonPath("$.content[0].type").value("SUPPLIER"))
			.andExpect(jsonPath("$.content[0].totalAmount").value(150.00));
		search("store", this.south.getCode()).andExpect(numbers(this.otherStore));
	}

	@Test
	void filtersByStatusAndByType() throws Exception {
		search("store", this.north.getCode(), "status", "REJECTED").andExpect(numbers(this.earlyOnTuesday));
		search("store", this.north.getCode(), "type", "SUPPLIER").andExpect(numbers(this.supplierReturn));
		search("store", this.north.getCode(), "type", "CUSTOMER")
			.andExpect(numbers(this.earlyOnTuesday, this.lateOnMonday));
	}

	@Test
	void countsDaysInTheMerchantsTimeZoneWithBothEndsIncluded() throws Exception {
		// in UTC both were requested on 1 March; for the merchant one is late on Monday
		// and one early on Tuesday
		String store = this.north.getCode();
		search("store", store, "from", "2021-03-01", "to", "2021-03-01").andExpect(numbers(this.lateOnMonday));
		search("store", store, "from", "2021-03-02", "to", "2021-03-02").andExpect(numbers(this.earlyOnTuesday));
		search("store", store, "from", "2021-03-02").andExpect(numbers(this.supplierReturn, this.earlyOnTuesday));
		search("store", store, "to", "2021-03-02").andExpect(numbers(this.earlyOnTuesday, this.lateOnMonday));
		search("store", store, "from", "2021-03-04").andExpect(numbers());
	}

	@Test
	void findsTheReturnsOfAPartyByItsCodeOrAPartOfItsName() throws Exception {
		search("party", this.acme.getCode()).andExpect(numbers(this.otherStore, this.lateOnMonday));
		search("party", this.acme.getCode().toLowerCase()).andExpect(numbers(this.otherStore, this.lateOnMonday));
		search("store", this.north.getCode(), "party", "艾克美").andExpect(numbers(this.lateOnMonday));
		search("store", this.north.getCode(), "party", "BETA").andExpect(numbers(this.earlyOnTuesday));
		search("store", this.north.getCode(), "party", "gamma sup").andExpect(numbers(this.supplierReturn));
	}

	@Test
	void findsTheReturnsThatContainASku() throws Exception {
		search("sku", this.cable.getSku()).andExpect(numbers(this.earlyOnTuesday));
		search("sku", this.lamp.getSku()).andExpect(numbers(this.supplierReturn, this.otherStore, this.lateOnMonday));
		search("sku", this.lamp.getSku(), "store", this.south.getCode()).andExpect(numbers(this.otherStore));
	}

	@Test
	void findsByNumberOrderNumberPartyNameOrReasonDetail() throws Exception {
		search("q", this.earlyOnTuesday).andExpect(numbers(this.earlyOnTuesday));
		search("q", this.earlyOnTuesday.toLowerCase()).andExpect(numbers(this.earlyOnTuesday));
		search("q", this.supplyOrder.getNumber()).andExpect(numbers(this.supplierReturn))
			.andExpect(jsonPath("$.totalElements").value(1))
			.andExpect(jsonPath("$.totalExact").value(true));
		search("store", this.north.getCode(), "q", "glass CRACKED").andExpect(numbers(this.lateOnMonday));
		search("store", this.north.getCode(), "q", "gamma").andExpect(numbers(this.supplierReturn));
		// LIKE's wildcards are taken as typed
		search("store", this.north.getCode(), "q", "100%").andExpect(numbers(this.supplierReturn));
		search("store", this.north.getCode(), "q", "1_0").andExpect(numbers());
		search("store", this.north.getCode(), "q", "colour%sure").andExpect(numbers());
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			value = { "totalAmount,asc|2 1 3", "totalAmount,desc|3 1 2", "status,asc|3 2 1", "status,desc|1 2 3",
					"number,asc|1 2 3", "number,desc|3 2 1", "requestedAt,asc|1 2 3", "requestedAt,desc|3 2 1",
					"TotalAmount, ASC|2 1 3" })
	void sortsByAmountStatusNumberOrDate(String sort, String order) throws Exception {
		List<String> byDay = List.of(this.lateOnMonday, this.earlyOnTuesday, this.supplierReturn);
		String[] expected = Arrays.stream(order.split(" "))
			.map((day) -> byDay.get(Integer.parseInt(day) - 1))
			.toArray(String[]::new);
		search("store", this.north.getCode(), "sort", sort).andExpect(numbers(expected));
	}

	@Test
	void pagesThroughTheResultsAndCountsThemAll() throws Exception {
		search("store", this.north.getCode(), "sort", "requestedAt,asc", "size", "2")
			.andExpect(jsonPath("$.totalElements").value(3))
			.andExpect(jsonPath("$.totalExact").value(true))
			.andExpect(jsonPath("$.size").value(2))
			.andExpect(numbers(this.lateOnMonday, this.earlyOnTuesday));
		search("store", this.north.getCode(), "sort", "requestedAt,asc", "size", "2", "page", "1")
			.andExpect(jsonPath("$.totalElements").value(3))
			.andExpect(jsonPath("$.page").value(1))
			.andExpect(numbers(this.supplierReturn));
	}

	@Test
	void anExportStopsAtItsLimitAndTellsThatMoreMatched() {
		ReturnSearch northByDay = new ReturnSearch(null, null, null, null, null, this.north.getCode(), null, null,
				ReturnSort.REQUESTED_AT_ASC);
		Slice<ReturnSummary> two = this.history.first(northByDay, 2);
		assertThat(two.getContent()).extracting(ReturnSummary::number)
			.containsExactly(this.lateOnMonday, this.earlyOnTuesday);
		assertThat(two.hasNext()).isTrue();
		assertThat(this.history.first(northByDay, 3).hasNext()).isFalse();
	}

	@Test
	void keepsEachReturnsTotalEqualToTheSumOfItsLines() {
		assertThat(this.ledgers.returnTotalsNotEqualToTheirLines()).isEmpty();
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|',
			value = { "from|2021-02-30|'2021-02-30' is not a valid value for from; write a day as",
					"to|01.03.2021|'01.03.2021' is not a valid value for to; write a day as yyyy-MM-dd",
					"status|LOST|'LOST' is not a valid value for status; choose one of SUBMITTED, APPROVED",
					"type|BOTH|'BOTH' is not a valid value for type; choose one of CUSTOMER, SUPPLIER",
					"sort|amount|'amount' is not a sort order; choose one of requestedAt,desc, requestedAt,asc",
					"sort|totalAmount,sideways|'totalAmount,sideways' is not a sort order",
					"page|-1|The page must be 0 or more", "size|0|The page size must be between 1 and 200" })
	void refusesAnInvalidParameterNamingItAndSayingWhy(String field, String value, String detail) throws Exception {
		search(field, value).andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value(field))
			.andExpect(jsonPath("$.detail", containsString(detail)));
	}

	@Test
	void refusesAFromDayAfterTheToDay() throws Exception {
		search("from", "2021-03-03", "to", "2021-03-01").andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value("from"))
			.andExpect(jsonPath("$.detail")
				.value("The from day 2021-03-03 is after the to day 2021-03-01; " + "swap them or leave one out"));
	}

	private ResultActions search(String... parameters) throws Exception {
		var request = as(USER, get("/api/returns"));
		for (int i = 0; i < parameters.length; i += 2) {
			request.param(parameters[i], parameters[i + 1]);
		}
		return this.mvc.perform(request);
	}

	private static ResultMatcher numbers(String... expected) {
		if (expected.length == 0) {
			return jsonPath("$.content").isEmpty();
		}
		return jsonPath("$.content[*].number", contains((Object[]) expected));
	}

}
