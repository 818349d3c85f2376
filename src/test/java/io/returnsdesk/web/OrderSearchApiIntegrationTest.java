package io.returnsdesk.web;

import java.util.Arrays;
import java.util.UUID;

import io.returnsdesk.catalog.Party;
import io.returnsdesk.catalog.PartyKind;
import io.returnsdesk.catalog.Product;
import io.returnsdesk.sales.TradeOrder;
import io.returnsdesk.support.IntegrationTest;
import io.returnsdesk.support.TestFixtures;
import io.returnsdesk.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;

import static io.returnsdesk.support.Logins.as;
import static io.returnsdesk.support.TestFixtures.line;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The clerk's order picker on PostgreSQL: a part of the order number or of the party's
 * name, with LIKE's wildcards taken as typed.
 */
@IntegrationTest
@AutoConfigureMockMvc
class OrderSearchApiIntegrationTest {

	static final String USER = "orderclerk";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	TestUsers users;

	String tag;

	TradeOrder percent;

	TradeOrder thousand;

	@BeforeEach
	void twoCustomersWhoseNamesDifferOnlyWhereAWildcardStands() {
		this.users.ensure(USER, TestUsers.PASSWORD, "sales");
		this.tag = UUID.randomUUID().toString().substring(0, 8);
		Product shirt = this.fixtures.product("80.00", 10);
		Party cotton = this.fixtures.party(PartyKind.CUSTOMER, "Cotton 100% 纯棉 " + this.tag);
		Party plain = this.fixtures.party(PartyKind.CUSTOMER, "Cotton 1000 " + this.tag);
		this.percent = this.fixtures.shippedSale(this.fixtures.store(), cotton, 2, line(shirt, 1));
		this.thousand = this.fixtures.shippedSale(this.fixtures.store(), plain, 2, line(shirt, 1));
	}

	@Test
	void findsOrdersByAPartOfThePartyNameOrTheNumber() throws Exception {
		search(this.tag).andExpect(numbers(this.percent, this.thousand));
		search("纯棉 " + this.tag).andExpect(numbers(this.percent));
		search(this.thousand.getNumber().substring(3).toLowerCase()).andExpect(numbers(this.thousand));
	}

	@Test
	void takesLikeWildcardsAsTyped() throws Exception {
		search("cotton 100% 纯棉 " + this.tag).andExpect(numbers(this.percent));
		search("100% ").andExpect(jsonPath("$.content[*].number").value(hasItem(this.percent.getNumber())))
			.andExpect(jsonPath("$.content[*].number").value(not(hasItem(this.thousand.getNumber()))));
		search("cotton 10_0 " + this.tag).andExpect(jsonPath("$.content").value(empty()));
		search("cotton %" + this.tag).andExpect(jsonPath("$.content").value(empty()));
	}

	private ResultActions search(String q) throws Exception {
		return this.mvc.perform(as(USER, get("/api/orders")).param("q", q).param("size", "100"))
			.andExpect(status().isOk());
	}

	private static ResultMatcher numbers(TradeOrder... orders) {
		return jsonPath("$.content[*].number")
			.value(containsInAnyOrder(Arrays.stream(orders).map(TradeOrder::getNumber).toArray()));
	}

}
