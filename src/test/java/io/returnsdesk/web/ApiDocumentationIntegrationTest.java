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
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
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
	void describesEveryRefusalAsAProblemAndWhatMayBeNull() throws Exception {
		String problem = "application/problem+json";
		String returnView = "$.components.schemas.ReturnView";
		this.mvc.perform(as(USER, get("/v3/api-docs")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.openapi").value("3.0.1"))
			.andExpect(jsonPath("$.components.schemas.Problem.required",
					containsInAnyOrder("type", "title", "status", "detail")))
			.andExpect(jsonPath("$.components.schemas.Problem.properties.field.type").value("string"))
			// the doors every call passes, and what the call reads
			.andExpect(jsonPath("$.paths['/api/products'].get.responses['401'].content['" + problem + "'].schema.$ref")
				.value("#/components/schemas/Problem"))
			.andExpect(jsonPath("$.paths['/api/products'].get.responses", not(hasKey("404"))))
			.andExpect(jsonPath("$.paths['/api/returns'].post.responses",
					allOf(hasKey("400"), hasKey("401"), hasKey("403"), hasKey("406"), hasKey("409"), hasKey("413"),
							hasKey("415"), hasKey("422"), hasKey("429"))))
			.andExpect(jsonPath("$.paths['/api/returns'].post.responses['422'].content['" + problem + "']").exists())
			.andExpect(jsonPath("$.paths['/api/returns/{number}'].put.responses['409'].content['" + problem + "']")
				.exists())
			.andExpect(jsonPath("$.paths['/api/notifications/outbox/{id}/requeue'].post.responses['409']").exists())
			.andExpect(jsonPath("$.paths['/api/reports/returns'].get.responses['429'].headers['Retry-After'].required")
				.value(true))
			// what is created says where it is
			.andExpect(jsonPath("$.paths['/api/returns'].post.responses['201'].headers.Location.required").value(true))
			.andExpect(jsonPath(
					"$.paths['/api/returns/{number}/attachments'].post.responses['201'].headers.Location.required")
				.value(true))
			// an upload is multipart, a file of proof a file
			.andExpect(jsonPath("$.paths['/api/returns/{number}/attachments'].post.requestBody.content",
					allOf(hasKey("multipart/form-data"), not(hasKey("application/json")))))
			.andExpect(jsonPath(
					"$.paths['/api/returns/{number}/attachments/{id}'].get.responses['200'].content['application/pdf'].schema.format")
				.value("binary"))
			// null where null is possible, and nowhere else
			.andExpect(jsonPath(returnView + ".required", hasItems("number", "refundMethod", "reasonDetail")))
			.andExpect(jsonPath(returnView + ".properties.refundMethod.nullable").value(true))
			.andExpect(jsonPath(returnView + ".properties.refundAmount.nullable").value(true))
			.andExpect(jsonPath(returnView + ".properties.number.nullable").doesNotExist())
			.andExpect(jsonPath("$.components.schemas.ReturnLine.properties.receivedQuantity.nullable").value(true))
			.andExpect(jsonPath("$.components.schemas.TimelineEntry.properties.actor.nullable").value(true))
			.andExpect(jsonPath("$.components.schemas.OpenTask.properties.assignee.nullable").value(true))
			.andExpect(jsonPath("$.components.schemas.NotificationView.properties.recipientGroup.nullable").value(true))
			.andExpect(jsonPath("$.components.schemas.OutboxRow.properties.lastError.nullable").value(true))
			.andExpect(jsonPath("$.components.schemas.OutboxRow.properties.sentAt.nullable").value(true))
			// a request's fields are not all required: the rules say what is missing
			.andExpect(jsonPath("$.components.schemas.ReturnRequest.required").doesNotExist())
			.andExpect(jsonPath("$.components.schemas.ReturnRequest.properties.reasonDetail.maxLength").value(2000))
			.andExpect(jsonPath("$.components.schemas.ReturnRequestLine.properties.quantity.minimum").value(1))
			// the limits the code enforces
			.andExpect(
					jsonPath("$.paths['/api/orders'].get.parameters[?(@.name == 'size')].schema.minimum", contains(1)))
			.andExpect(jsonPath("$.paths['/api/orders'].get.parameters[?(@.name == 'size')].schema.maximum",
					contains(200)))
			.andExpect(jsonPath("$.paths['/api/finance/balances'].get.parameters[?(@.name == 'from')].schema.format",
					contains("date")))
			.andExpect(
					jsonPath("$.paths['/api/returns'].post.parameters[?(@.name == 'Idempotency-Key')].schema.maxLength",
							contains(100)))
			.andExpect(
					jsonPath("$.paths['/api/returns'].post.parameters[?(@.name == 'Idempotency-Key')].schema.pattern",
							contains("^[!-~]+$")));
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
