package io.returnsdesk.returns;

import io.returnsdesk.support.IntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
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
	IdentityService identity;

	@Test
	void answersACappedTotalAsALowerBoundAndAnExactOneAsExact() throws Exception {
		if (this.identity.createUserQuery().userId("capclerk").count() == 0) {
			User user = this.identity.newUser("capclerk");
			user.setPassword("secret");
			this.identity.saveUser(user);
		}
		this.mvc.perform(
				get("/api/returns").param("q", this.manyWord).param("size", "2").with(httpBasic("capclerk", "secret")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content.length()").value(2))
			.andExpect(jsonPath("$.totalElements").value(CAP))
			.andExpect(jsonPath("$.totalExact").value(false));
		this.mvc.perform(get("/api/returns").param("q", this.twoWord).with(httpBasic("capclerk", "secret")))
			.andExpect(jsonPath("$.totalElements").value(2))
			.andExpect(jsonPath("$.totalExact").value(true));
	}

}
