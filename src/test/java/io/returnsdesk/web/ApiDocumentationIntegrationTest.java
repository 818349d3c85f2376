package io.returnsdesk.web;

import io.returnsdesk.support.IntegrationTest;
import io.returnsdesk.support.Logins;
import io.returnsdesk.support.TestUsers;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static io.returnsdesk.support.Logins.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The API's OpenAPI description and Swagger UI, for logged-in users: HTTP Basic or the
 * desk's login.
 */
@IntegrationTest
@AutoConfigureMockMvc
class ApiDocumentationIntegrationTest {

	static final String USER = "docsreader";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@BeforeEach
	void reader() {
		this.users.ensure(USER, TestUsers.PASSWORD, "sales");
	}

	@Test
	void describesTheApiToLoggedInClientsWithSummariesAndHttpBasic() throws Exception {
		this.mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
		this.mvc.perform(as(USER, get("/v3/api-docs")))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.info.title", containsString("Returns desk")))
			.andExpect(jsonPath("$.paths['/api/returns'].get.summary").value("Search the history of returns"))
			.andExpect(jsonPath("$.paths['/api/returns'].post.summary")
				.value("Request a return against a shipped or received order"))
			.andExpect(jsonPath("$.paths['/api/products'].get.summary")
				.value("Find products by name or SKU part, or exact barcode"))
			.andExpect(jsonPath("$.components.securitySchemes.basic.scheme").value("basic"))
			.andExpect(jsonPath("$.paths", not(hasKey("/engine-rest/task"))));
	}

	@Test
	void describesTheIdempotencyKeyOfTheWritingCallsAndWhatTheyAnswer() throws Exception {
		String key = "[?(@.name == 'Idempotency-Key')]";
		this.mvc.perform(as(USER, get("/v3/api-docs")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.info.description", containsString("Idempotency-Key")))
			.andExpect(jsonPath("$.paths['/api/returns'].post.parameters" + key + ".in", contains("header")))
			.andExpect(jsonPath("$.paths['/api/returns'].post.parameters" + key + ".required", contains(false)))
			.andExpect(jsonPath("$.paths['/api/returns'].post.parameters" + key + ".description",
					contains(containsString("the first answer comes back"))))
			.andExpect(jsonPath("$.paths['/api/returns/{number}'].put.parameters" + key + ".in", contains("header")))
			.andExpect(jsonPath("$.paths['/api/returns/{number}/withdraw'].post.parameters" + key + ".in",
					contains("header")))
			.andExpect(jsonPath("$.paths['/api/returns'].post.responses['201'].content['application/json'].schema.$ref",
					containsString("ReturnView")));
	}

	@Test
	void servesSwaggerUiAfterTheDesksLogin() throws Exception {
		this.mvc.perform(get("/swagger-ui/index.html")).andExpect(redirectedUrl("http://localhost/login"));
		Cookie session = Logins.deskLogin(this.mvc, USER, TestUsers.PASSWORD);
		this.mvc.perform(get("/swagger-ui.html").cookie(session))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/swagger-ui/index.html"));
		this.mvc.perform(get("/v3/api-docs").cookie(session)).andExpect(status().isOk());
		this.mvc.perform(get("/swagger-ui/index.html").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("Swagger UI")));
	}

}
