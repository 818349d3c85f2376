package io.returnsdesk.web;

import io.returnsdesk.support.IntegrationTest;
import io.returnsdesk.support.Logins;
import jakarta.servlet.http.Cookie;
import io.returnsdesk.system.AccessRules;
import io.returnsdesk.system.AccessRules.Rule;
import io.returnsdesk.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The desk's pages: login with the engine's users, the browser's language or the switch,
 * and the API used from a page with the login session and its CSRF token.
 */
@IntegrationTest
@AutoConfigureMockMvc
class DeskPagesIntegrationTest {

	static final String USER = "deskclerk";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@BeforeEach
	void clerk() {
		// a clerk who also reads the reports (as a manager), not the books
		this.users.ensure(USER, "secret", "sales", "managers");
		this.users.ensure("deskfinance", "secret", "finance");
		this.users.ensure("deskanalyst", "secret", "analysts");
		this.users.ensure("desksales", "secret", "sales");
		this.users.ensure("deskwarehouse", "secret", "warehouse");
	}

	@Test
	void sendsVisitorsWithoutLoginToTheLoginPage() throws Exception {
		for (String page : new String[] { "/returns", "/returns/new", "/returns/RT-20260101-0001", "/reports",
				"/reports/process", "/returns/notifications", "/finance" }) {
			this.mvc.perform(get(page))
				.andExpect(status().isFound())
				.andExpect(redirectedUrl("http://localhost/login"));
		}
	}

	@Test
	void speaksTheBrowsersLanguageUnlessSwitched() throws Exception {
		this.mvc.perform(get("/login").header("Accept-Language", "zh-CN,zh;q=0.9"))
			.andExpect(content().string(containsString("使用与任务列表（Tasklist）相同的用户")));
		this.mvc.perform(get("/login").header("Accept-Language", "en-US"))
			.andExpect(content().string(containsString("Use the same user as in Tasklist.")));
		this.mvc.perform(get("/login").param("lang", "en").header("Accept-Language", "zh-CN"))
			.andExpect(content().string(containsString("Use the same user as in Tasklist.")));
	}

	@Test
	void logsInWithTheEnginesUsersAndShowsThePages() throws Exception {
		// (a wrong password locks the user for a few seconds: the engine's brute-force
		// guard)
		this.mvc.perform(formLogin("/login").user("nobody").password("wrong")).andExpect(redirectedUrl("/login?error"));
		Cookie session = logIn(USER);

		this.mvc.perform(get("/returns").cookie(session).header("Accept-Language", "zh-CN"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("历史退货记录")))
			.andExpect(content().string(containsString("\"user\":\"deskclerk\"")));
		this.mvc.perform(get("/returns/new").cookie(session).param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Save and submit")));
		this.mvc.perform(get("/reports").cookie(session).param("lang", "zh"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("退货分析")))
			.andExpect(content().string(containsString("/webjars/chart.js/dist/chart.umd.js")));
		this.mvc.perform(get("/webjars/chart.js/dist/chart.umd.js")).andExpect(status().isOk());
		this.mvc.perform(get("/reports/process").cookie(session).param("lang", "zh"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("退货在哪里等待")))
			.andExpect(content().string(containsString("\"kpi.unit.hours\":\"{0}小时\"")));
		this.mvc.perform(get("/returns/RT-20260101-0001").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-number=\"RT-20260101-0001\"")));
		this.mvc.perform(get("/returns/notifications").cookie(session).param("lang", "zh"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-page=\"notifications\"")))
			.andExpect(content().string(containsString("邮件语言")))
			.andExpect(content().string(containsString("/desk/notifications.js")))
			.andExpect(content().string(containsString("\"js.notifications.toGroup\":\"发给组 {0}\"")));
		// every page leads to it
		this.mvc.perform(get("/returns").cookie(session).param("lang", "en"))
			.andExpect(content().string(containsString("id=\"nav-notifications\"")));
	}

	@Test
	void aReturnsPageHasPlacesForWhatCameBackInEitherLanguage() throws Exception {
		Cookie session = logIn(USER);

		// the lines: units asked, then (filled in by the page once processed) received
		// and written off; the day the goods came back among the return's facts
		this.mvc.perform(get("/returns/RT-20260101-0001").cookie(session).param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<th class=\"num\">Asked</th>")))
			.andExpect(content().string(containsString("<th class=\"num\">Received</th>")))
			.andExpect(content().string(containsString("<th class=\"num\">Written off</th>")))
			.andExpect(content().string(containsString("<dt>Returned on</dt><dd id=\"d-returned-on\"></dd>")))
			.andExpect(content().string(containsString("Amounts and the total are the value of the units received.")))
			.andExpect(content().string(not(containsString(">Condition<"))))
			.andExpect(content().string(not(containsString("js.condition"))));
		this.mvc.perform(get("/returns/RT-20260101-0001").cookie(session).param("lang", "zh"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<th class=\"num\">申请数量</th>")))
			.andExpect(content().string(containsString("<th class=\"num\">实收</th>")))
			.andExpect(content().string(containsString("<th class=\"num\">报废</th>")))
			.andExpect(content().string(containsString("<dt>退货日期</dt><dd id=\"d-returned-on\"></dd>")))
			.andExpect(content().string(containsString("金额与合计按实收数量计算。")));
	}

	@Test
	void financeAndTheAnalystsHaveTheBooksPageInEitherLanguageAndTheReturnsPostingsCard() throws Exception {
		for (String reader : new String[] { "deskfinance", "deskanalyst" }) {
			Cookie session = logIn(reader);
			this.mvc.perform(get("/returns").cookie(session).param("lang", "en"))
				.andExpect(content().string(containsString("id=\"nav-finance\">Finance</a>")));
			this.mvc.perform(get("/finance").cookie(session).param("lang", "en"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("data-page=\"finance\"")))
				.andExpect(content().string(containsString("<h2>Trial balance</h2>")))
				.andExpect(content().string(containsString("<h2>Inventory at cost</h2>")))
				.andExpect(content().string(containsString("<h2>Journal</h2>")))
				.andExpect(content().string(containsString("<h2>Credit and debit notes</h2>")))
				.andExpect(content().string(containsString("/desk/finance.js")))
				.andExpect(content().string(containsString("\"books.note.CREDIT\":\"Credit note\"")))
				.andExpect(content().string(containsString("\"movement.SUPPLIER_RETURN\":\"Back to supplier\"")));
			this.mvc.perform(get("/finance").cookie(session).param("lang", "zh"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("<h1>财务账簿</h1>")))
				.andExpect(content().string(containsString("<h2>试算平衡表</h2>")))
				.andExpect(content().string(containsString("<h2>库存成本对账</h2>")))
				.andExpect(content().string(containsString("<h2>序时账</h2>")))
				.andExpect(content().string(containsString("<h2>贷项与借项通知单</h2>")))
				.andExpect(content().string(containsString("\"books.balanced\":\"借贷平衡：{0}\"")));
			this.mvc.perform(get("/returns/RT-20260101-0001").cookie(session).param("lang", "en"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"postings-card\"")))
				.andExpect(content().string(containsString("<h2>Finance postings</h2>")))
				.andExpect(content().string(containsString("id=\"d-note-print\"")));
		}
	}

	@Test
	void everyoneElseIsToldTheBooksAreNotForThemAndHasNoPostingsCard() throws Exception {
		Rule books = AccessRules.ruleFor("GET", "/finance").orElseThrow();
		for (String other : new String[] { "desksales", "deskwarehouse", USER }) {
			Cookie session = logIn(other);
			this.mvc.perform(get("/returns").cookie(session).param("lang", "en"))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString("nav-finance"))));
			// refused at the door: the page that says what the books are and who reads
			// them
			this.mvc.perform(get("/finance").cookie(session).param("lang", "en"))
				.andExpect(status().isForbidden())
				.andExpect(forwardedUrl("/not-allowed"))
				.andExpect(request().attribute(AccessRules.REFUSED_RULE, books));
			this.mvc.perform(get("/returns/RT-20260101-0001").cookie(session).param("lang", "en"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"d-movements\"")))
				.andExpect(content().string(not(containsString("postings-card"))))
				.andExpect(content().string(not(containsString("d-postings"))))
				.andExpect(content().string(not(containsString("Finance postings"))));
		}
		Cookie session = logIn("deskwarehouse");
		this.mvc.perform(
				get("/not-allowed").cookie(session).requestAttr(AccessRules.REFUSED_RULE, books).param("lang", "en"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("<h1>Not allowed</h1>")))
			.andExpect(content().string(containsString(
					"Only the groups finance, analysts may read the books: journal, postings, trial balance, reconciliation, credit and debit notes.")))
			.andExpect(content().string(containsString("id=\"not-allowed-back\"")))
			.andExpect(content().string(not(containsString("finance.js"))))
			.andExpect(content().string(not(containsString("Exception"))));
		this.mvc.perform(
				get("/not-allowed").cookie(session).requestAttr(AccessRules.REFUSED_RULE, books).param("lang", "zh"))
			.andExpect(content().string(containsString("<h1>无权访问</h1>")))
			.andExpect(content().string(containsString("仅 finance, analysts 组的成员可以查看账簿")));
	}

	@Test
	void theDeskOffersOnlyWhatTheUsersGroupsMayDo() throws Exception {
		Cookie warehouse = logIn("deskwarehouse");
		this.mvc.perform(get("/returns").cookie(warehouse).param("lang", "en"))
			.andExpect(content().string(not(containsString("id=\"nav-new\""))))
			.andExpect(content().string(not(containsString("id=\"nav-reports\""))))
			.andExpect(content().string(containsString("\"uploadProof\":true")))
			.andExpect(content().string(containsString("\"createReturns\":false")));
		this.mvc.perform(get("/returns/RT-20260101-0001").cookie(warehouse))
			.andExpect(content().string(containsString("id=\"upload-form\"")));
		Cookie analyst = logIn("deskanalyst");
		this.mvc.perform(get("/returns").cookie(analyst).param("lang", "en"))
			.andExpect(content().string(containsString("id=\"nav-reports\"")))
			.andExpect(content().string(containsString("id=\"nav-finance\"")))
			.andExpect(content().string(not(containsString("id=\"nav-new\""))));
		this.mvc.perform(get("/returns/RT-20260101-0001").cookie(analyst))
			.andExpect(content().string(not(containsString("id=\"upload-form\""))));
		Cookie sales = logIn("desksales");
		this.mvc.perform(get("/returns").cookie(sales).param("lang", "en"))
			.andExpect(content().string(containsString("id=\"nav-new\"")))
			.andExpect(content().string(not(containsString("id=\"nav-reports\""))));
	}

	private Cookie logIn(String user) throws Exception {
		return Logins.deskLogin(this.mvc, user, "secret");
	}

	@Test
	void apiCallsFromAPageNeedTheSessionsCsrfToken() throws Exception {
		Cookie session = logIn(USER);
		String body = "{\"orderNumber\":\"SO-NONE\",\"reason\":\"DAMAGED\",\"resolution\":\"REFUND\",\"lines\":[]}";

		this.mvc.perform(get("/api/returns").cookie(session)).andExpect(status().isOk());
		this.mvc.perform(post("/api/returns").cookie(session).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/returns").cookie(session)
				.with(csrf().asHeader())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content().string(not(containsString("Invalid CSRF"))));
	}

}
