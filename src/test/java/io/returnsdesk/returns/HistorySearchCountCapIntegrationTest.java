package io.returnsdesk.returns;

import io.returnsdesk.support.IntegrationTest;
import io.returnsdesk.support.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static io.returnsdesk.support.Logins.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The history search's count cap on PostgreSQL: the trigram indexes and the plans that
 * walk the sort order; and what the API answers.
 */
@IntegrationTest
@AutoConfigureMockMvc
@TestPropertySource(properties = HistorySearchCountCapScenarios.SETTINGS)
class HistorySearchCountCapIntegrationTest extends HistorySearchCountCapScenarios {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Test
	void answersACappedTotalAsALowerBoundAndAnExactOneAsExact() throws Exception {
		this.users.ensure("capclerk", TestUsers.PASSWORD, "sales");
		this.mvc.perform(as("capclerk", get("/api/returns").param("q", this.manyWord).param("size", "2")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content.length()").value(2))
			.andExpect(jsonPath("$.totalElements").value(CAP))
			.andExpect(jsonPath("$.totalExact").value(false));
		this.mvc.perform(as("capclerk", get("/api/returns").param("q", this.twoWord)))
			.andExpect(jsonPath("$.totalElements").value(2))
			.andExpect(jsonPath("$.totalExact").value(true));
	}

}
