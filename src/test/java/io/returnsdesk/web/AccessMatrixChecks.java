package io.returnsdesk.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.returnsdesk.catalog.Product;
import io.returnsdesk.catalog.process.StoreGroups;
import io.returnsdesk.sales.TradeOrder;
import io.returnsdesk.system.AccessRules;
import io.returnsdesk.system.AccessRules.Door;
import io.returnsdesk.system.AccessRules.Rule;
import io.returnsdesk.support.Logins;
import io.returnsdesk.support.ReturnDriver;
import io.returnsdesk.support.TestFixtures;
import io.returnsdesk.support.TestUsers;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * The table of calls, walked: every door of {@link AccessRules} by every demo user of
 * DESIGN.md (the same groups and stores), the expected answer read from the same table:
 * where one of the user's groups is given the call, what the call answers when allowed;
 * elsewhere 403, a problem (the API) or a page (the desk) that says what the call is for.
 * Every cell that differs is listed. And no controller serves a call the table does not
 * name. On PostgreSQL and on H2 (the subclasses).
 */
abstract class AccessMatrixChecks {

	/** The demo users of DESIGN.md and their groups. */
	static final Map<String, List<String>> DEMO_USERS = new LinkedHashMap<>();

	static {
		DEMO_USERS.put("sales", List.of("sales"));
		DEMO_USERS.put("approver", List.of("approvers"));
		DEMO_USERS.put("manager", List.of("managers", "approvers"));
		DEMO_USERS.put("warehouse", List.of("warehouse"));
		DEMO_USERS.put("finance", List.of("finance"));
		DEMO_USERS.put("analyst", List.of("analysts"));
		DEMO_USERS.put("admin", List.of("camunda-admin"));
		DEMO_USERS.put("sales1", List.of("sales", "storeS01"));
		DEMO_USERS.put("warehouse1", List.of("warehouse", "storeS01"));
	}

	static final String STORE = "S01";

	/** A return number that no return has. */
	static final String NO_RETURN = "RT-19990101-0001";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReturnDriver returns;

	@Autowired
	StoreGroups storeGroups;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	String orderNumber;

	String sku;

	String returnNumber;

	@BeforeEach
	void demoUsersAndAReturnOfTheirStore() {
		Product kettle = this.fixtures.product("89.00", 5);
		TradeOrder order = this.fixtures.shippedSale(STORE, 3, TestFixtures.line(kettle, 2));
		this.storeGroups.ensureAll();
		DEMO_USERS
			.forEach((user, groups) -> this.users.ensure(user, TestUsers.PASSWORD, groups.toArray(String[]::new)));
		this.orderNumber = order.getNumber();
		this.sku = kettle.getSku();
		this.returnNumber = this.returns.requestAs("sales", order, "DAMAGED", "Dented lid", kettle, 1);
	}

	@Test
	void everyDemoUserGetsAtEveryDoorWhatTheTableSays() throws Exception {
		Map<String, Example> examples = examples();
		List<String> wrong = new ArrayList<>();
		for (String user : DEMO_USERS.keySet()) {
			Cookie session = logIn(user);
			for (Rule rule : AccessRules.RULES) {
				for (Door door : rule.doors()) {
					Example example = examples.get(door.toString());
					assertThat(example).as("an example call through %s", door).isNotNull();
					boolean allowed = DEMO_USERS.get(user)
						.stream()
						.anyMatch((group) -> rule.roles().stream().anyMatch((role) -> role.group().equals(group)));
					MockHttpServletRequestBuilder call = request(door.method(), example.path())
						.header("Accept-Language", "en");
					if (example.body() != null) {
						call.contentType(MediaType.APPLICATION_JSON).content(example.body());
					}
					boolean page = isPage(example.path());
					MvcResult result = this.mvc.perform(page ? call.cookie(session) : Logins.as(user, call))
						.andReturn();
					MockHttpServletResponse response = result.getResponse();
					String cell = "%s %s %s".formatted(user, door.method(), example.path());
					if (allowed && response.getStatus() != example.allowed()) {
						wrong.add("%s: %d, not %d (allowed): %s".formatted(cell, response.getStatus(),
								example.allowed(), response.getContentAsString()));
					}
					else if (!allowed && !isRefusal(result, page, rule)) {
						wrong.add("%s: %d, not 403 with what the call is for: %s".formatted(cell, response.getStatus(),
								response.getContentAsString()));
					}
				}
			}
		}
		assertThat(wrong).as("cells of the matrix that differ from the table").isEmpty();
	}

	@Test
	void everyCallTheControllersServeIsInTheTable() {
		List<String> unnamed = new ArrayList<>();
		for (RequestMappingInfo mapping : this.mappings.getHandlerMethods().keySet()) {
			for (String pattern : mapping.getPatternValues()) {
				if (pattern.equals("/") || pattern.equals("/login") || pattern.equals("/not-allowed")
						|| pattern.startsWith("/error")) {
					continue;
				}
				String path = pattern.replaceAll("\\{[^}]+}", "X1");
				for (var method : mapping.getMethodsCondition().getMethods()) {
					if (AccessRules.ruleFor(method.name(), path).isEmpty()
							&& !AccessRules.isPublic(method.name(), path)) {
						unnamed.add(method + " " + pattern);
					}
				}
			}
		}
		assertThat(unnamed).as("calls served that no rule of the table names").isEmpty();
	}

	private static boolean isPage(String path) {
		return !path.startsWith("/api/") && !path.startsWith("/v3/");
	}

	private static boolean isRefusal(MvcResult result, boolean page, Rule rule) throws Exception {
		MockHttpServletResponse response = result.getResponse();
		if (response.getStatus() != 403) {
			return false;
		}
		String body = response.getContentAsString();
		if (page) {
			// the page that says what this page is for (DeskPagesIntegrationTest reads
			// it)
			return "/not-allowed".equals(response.getForwardedUrl())
					&& rule.equals(result.getRequest().getAttribute(AccessRules.REFUSED_RULE));
		}
		return MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(MediaType.parseMediaType(response.getContentType()))
				&& body.contains(rule.what());
	}

	private Cookie logIn(String user) throws Exception {
		return Logins.deskLogin(this.mvc, user, TestUsers.PASSWORD);
	}

	/** A call through a door and what it answers when allowed. */
	record Example(String path, String body, int allowed) {

	}

	/** Per door, a call through it: reads that answer, and writes that change nothing. */
	private Map<String, Example> examples() {
		String rt = "/api/returns/" + this.returnNumber;
		Map<String, Example> examples = new LinkedHashMap<>();
		example(examples, HttpMethod.GET, "/api/products", "/api/products?q=kettle", 200);
		example(examples, HttpMethod.GET, "/api/products/*/variants", "/api/products/" + this.sku + "/variants", 200);
		example(examples, HttpMethod.GET, "/api/orders", "/api/orders", 200);
		example(examples, HttpMethod.GET, "/api/orders/*", "/api/orders/" + this.orderNumber, 200);
		example(examples, HttpMethod.GET, "/api/stock", "/api/stock", 200);
		example(examples, HttpMethod.GET, "/api/stock/movements", "/api/stock/movements", 200);
		example(examples, HttpMethod.GET, "/api/returns", "/api/returns", 200);
		example(examples, HttpMethod.GET, "/api/returns/export.csv", "/api/returns/export.csv", 200);
		example(examples, HttpMethod.GET, "/api/returns/*", rt, 200);
		example(examples, HttpMethod.GET, "/api/returns/*/timeline", rt + "/timeline", 200);
		example(examples, HttpMethod.GET, "/api/returns/*/process", rt + "/process", 200);
		example(examples, HttpMethod.GET, "/api/returns/*/attachments", rt + "/attachments", 200);
		example(examples, HttpMethod.GET, "/api/returns/*/attachments/*", rt + "/attachments/999999999", 404);
		example(examples, HttpMethod.GET, "/returns", "/returns", 200);
		example(examples, HttpMethod.GET, "/returns/notifications", "/returns/notifications", 200);
		example(examples, HttpMethod.GET, "/returns/*", "/returns/" + this.returnNumber, 200);
		// writes with a body the rules refuse, or of a return there is not: nothing
		// changes
		examples.put("POST /api/returns", new Example("/api/returns", "{}", 422));
		examples.put("POST /api/returns/quote", new Example("/api/returns/quote", "{}", 422));
		examples.put("PUT /api/returns/*", new Example("/api/returns/" + NO_RETURN, "{}", 404));
		example(examples, HttpMethod.POST, "/api/returns/*/withdraw", "/api/returns/" + NO_RETURN + "/withdraw", 404);
		example(examples, HttpMethod.GET, "/returns/new", "/returns/new", 200);
		example(examples, HttpMethod.POST, "/api/returns/*/attachments", rt + "/attachments", 400);
		example(examples, HttpMethod.GET, "/api/finance/**", "/api/finance/balances", 200);
		example(examples, HttpMethod.GET, "/api/returns/*/credit-note", rt + "/credit-note", 404);
		example(examples, HttpMethod.GET, "/api/returns/*/credit-note.pdf", rt + "/credit-note.pdf", 404);
		example(examples, HttpMethod.GET, "/finance", "/finance", 200);
		example(examples, HttpMethod.GET, "/api/reports/returns", "/api/reports/returns", 200);
		example(examples, HttpMethod.GET, "/api/reports/process", "/api/reports/process", 200);
		example(examples, HttpMethod.GET, "/reports", "/reports", 200);
		example(examples, HttpMethod.GET, "/reports/process", "/reports/process", 200);
		example(examples, HttpMethod.GET, "/api/notifications/outbox", "/api/notifications/outbox", 200);
		example(examples, HttpMethod.POST, "/api/notifications/outbox/*/requeue",
				"/api/notifications/outbox/999999999/requeue", 404);
		example(examples, HttpMethod.POST, "/api/reports/returns/summary/rebuild",
				"/api/reports/returns/summary/rebuild", 204);
		// a webhook to a private address is refused; no webhook 999999999: nothing
		// changes
		examples.put("POST /api/webhooks", new Example("/api/webhooks",
				"{\"url\":\"http://10.0.0.1/hooks\",\"events\":[\"return.approved\"],\"secret\":\"0123456789abcdef\"}",
				400));
		example(examples, HttpMethod.GET, "/api/webhooks", "/api/webhooks", 200);
		example(examples, HttpMethod.GET, "/api/webhooks/*", "/api/webhooks/999999999", 404);
		example(examples, HttpMethod.DELETE, "/api/webhooks/*", "/api/webhooks/999999999", 404);
		example(examples, HttpMethod.GET, "/api/webhooks/deliveries", "/api/webhooks/deliveries", 200);
		example(examples, HttpMethod.POST, "/api/webhooks/deliveries/*/redeliver",
				"/api/webhooks/deliveries/999999999/redeliver", 404);
		example(examples, HttpMethod.GET, "/api/notifications", "/api/notifications", 200);
		example(examples, HttpMethod.GET, "/api/notifications/mail", "/api/notifications/mail", 200);
		examples.put("PUT /api/notifications/mail",
				new Example("/api/notifications/mail", "{\"language\":\"klingon\"}", 400));
		example(examples, HttpMethod.GET, "/v3/api-docs", "/v3/api-docs", 200);
		example(examples, HttpMethod.GET, "/v3/api-docs/**", "/v3/api-docs/swagger-config", 200);
		example(examples, HttpMethod.GET, "/v3/api-docs.yaml", "/v3/api-docs.yaml", 200);
		example(examples, HttpMethod.GET, "/swagger-ui.html", "/swagger-ui.html", 302);
		example(examples, HttpMethod.GET, "/swagger-ui/**", "/swagger-ui/index.html", 200);
		return examples;
	}

	private static void example(Map<String, Example> examples, HttpMethod method, String pattern, String path,
			int allowed) {
		examples.put(method.name() + " " + pattern, new Example(path, null, allowed));
	}

}
