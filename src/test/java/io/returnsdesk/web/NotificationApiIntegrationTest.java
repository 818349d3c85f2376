package io.returnsdesk.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.returnsdesk.engine.EngineTime;
import io.returnsdesk.notification.NotificationKind;
import io.returnsdesk.notification.Notifier;
import io.returnsdesk.notification.Recipient;
import io.returnsdesk.support.IntegrationTest;
import io.returnsdesk.support.Ledgers;
import io.returnsdesk.support.TestUsers;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.startsWith;
import static io.returnsdesk.support.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A user reads their notifications and their groups', newest first, in their language;
 * chooses the language of their e-mail; administrators see the outbox and queue a FAILED
 * mail again.
 */
@IntegrationTest
@AutoConfigureMockMvc
class NotificationApiIntegrationTest {

	static final String USER = "inboxclerk";

	static final String OTHER = "inboxother";

	static final String ADMIN = "inboxadmin";

	static final String TEAM = "inboxteam";

	static final AtomicInteger RUNS = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	Notifier notifier;

	@Autowired
	IdentityService identity;

	@Autowired
	TestUsers users;

	@Autowired
	Ledgers ledgers;

	@Autowired
	JdbcTemplate jdbc;

	String rejected;

	String approved;

	String legacy;

	@BeforeEach
	void threeNotificationsForTheClerkAndOneForSomeoneElse() {
		this.users.withEmail(USER, "inboxclerk@shop.example", TestUsers.PASSWORD, TEAM, "sales");
		this.users.withEmail(OTHER, "inboxother@shop.example", TestUsers.PASSWORD, "sales");
		this.users.withEmail(ADMIN, null, TestUsers.PASSWORD, "camunda-admin");
		// the user's language is chosen per test
		this.identity.deleteUserInfo(USER, "language");
		String run = Long.toString(System.nanoTime(), 36).toUpperCase();
		this.rejected = "RT-IN-" + run + "-1";
		this.approved = "RT-IN-" + run + "-2";
		this.legacy = "RT-IN-" + run + "-3";
		// each test's notifications newer than those of the tests before
		Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(RUNS.incrementAndGet(), ChronoUnit.DAYS);
		at(start,
				() -> this.notifier.notify(List.of(Recipient.user(USER)), NotificationKind.RETURN_REJECTED,
						this.rejected, Notifier.facts("number", this.rejected, "approver", "approver1", "reason",
								"<b>Which</b> lamp?\nAdd the photo")));
		at(start.plusSeconds(60),
				() -> this.notifier.notify(List.of(Recipient.group(TEAM)), NotificationKind.RETURN_APPROVED,
						this.approved, Notifier.facts("number", this.approved, "orderNumber", "SO-1", "amount",
								"318.00", "approver", "approver1")));
		at(start.plusSeconds(120), () -> this.notifier.notify(List.of(Recipient.user(USER)),
				NotificationKind.REPLACEMENT_SHIPPED, this.legacy, "Written as it is", "No template, one language"));
		at(start.plusSeconds(180), () -> this.notifier.notify(List.of(Recipient.user(OTHER)),
				NotificationKind.RETURN_REJECTED, this.rejected, Notifier.facts("number", this.rejected)));
	}

	@AfterEach
	void clockBack() {
		EngineTime.reset();
	}

	@Test
	void showsTheUsersOwnAndTheirGroupsNotificationsNewestFirstInTheirLanguage() throws Exception {
		this.mvc.perform(as(USER, get("/api/notifications")).header("Accept-Language", "en-GB"))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.content[0:3].reference", contains(this.legacy, this.approved, this.rejected)))
			.andExpect(jsonPath("$.content[0].subject").value("Written as it is"))
			.andExpect(jsonPath("$.content[0].recipientUser").value(USER))
			.andExpect(jsonPath("$.content[1].subject").value("Return " + this.approved + " approved"))
			.andExpect(jsonPath("$.content[1].recipientGroup").value(TEAM))
			.andExpect(jsonPath("$.content[1].kind").value("RETURN_APPROVED"))
			.andExpect(jsonPath("$.content[2].subject").value("Return " + this.rejected + " rejected"))
			// typed text stays text
			.andExpect(jsonPath("$.content[2].body", containsString("<b>Which</b> lamp?\nAdd the photo")))
			.andExpect(jsonPath("$.page").value(0))
			.andExpect(jsonPath("$.size").value(20));

		this.mvc.perform(as(USER, get("/api/notifications")).header("Accept-Language", "zh-CN"))
			.andExpect(jsonPath("$.content[1].subject").value("退货单 " + this.approved + " 已批准"))
			.andExpect(jsonPath("$.content[2].subject").value("退货单 " + this.rejected + " 被驳回"))
			.andExpect(jsonPath("$.content[0].body").value("No template, one language"));

		// someone else's notification about the same return is not the clerk's
		this.mvc.perform(as(OTHER, get("/api/notifications")).header("Accept-Language", "en"))
			.andExpect(jsonPath("$.content[0].reference").value(this.rejected))
			.andExpect(jsonPath("$.content[0].recipientUser").value(OTHER))
			.andExpect(jsonPath("$.totalElements").value(this.jdbc.queryForObject(
					"select count(*) from notification where recipient_user = ? or recipient_group = 'sales'",
					Long.class, OTHER)));
	}

	@Test
	void pagesLikeTheOtherLists() throws Exception {
		// the clerk's groups' too: sales hears of customers' rejected returns
		long total = this.jdbc.queryForObject(
				"select count(*) from notification where recipient_user = ? or recipient_group in (?, 'sales')",
				Long.class, USER, TEAM);
		this.mvc.perform(as(USER, get("/api/notifications")).param("page", "1").param("size", "1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content.length()").value(1))
			.andExpect(jsonPath("$.content[0].reference").value(this.approved))
			.andExpect(jsonPath("$.page").value(1))
			.andExpect(jsonPath("$.size").value(1))
			.andExpect(jsonPath("$.totalElements").value(total));
	}

	@ParameterizedTest
	@CsvSource({ "page, -1, The page must be 0 or more", "size, 0, The page size must be between 1 and 200",
			"size, 201, The page size must be between 1 and 200", "page, x, 'x' is not a valid value for page" })
	void refusesABadPageWithAProblem(String parameter, String value, String detail) throws Exception {
		this.mvc.perform(as(USER, get("/api/notifications")).param(parameter, value))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail", containsString(detail)));
	}

	@Test
	void needsALogin() throws Exception {
		this.mvc.perform(get("/api/notifications")).andExpect(status().isUnauthorized());
	}

	@Test
	void aUserChoosesTheLanguageOfTheirMail() throws Exception {
		this.mvc.perform(as(USER, get("/api/notifications/mail")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.email").value("inboxclerk@shop.example"))
			.andExpect(jsonPath("$.language").value("zh"))
			.andExpect(jsonPath("$.defaultLanguage").value(true));
		assertThat(this.ledgers.mails(this.rejected)).contains("RETURN_REJECTED inboxclerk@shop.example zh PENDING");

		this.mvc
			.perform(as(USER, put("/api/notifications/mail")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"language\":\"en\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.language").value("en"))
			.andExpect(jsonPath("$.defaultLanguage").value(false));

		String next = this.rejected + "-NEXT";
		this.notifier.notify(List.of(Recipient.user(USER)), NotificationKind.RETURN_REJECTED, next,
				Notifier.facts("number", next, "approver", "approver1", "reason", "Still no photo"));
		assertThat(this.ledgers.mails(next)).containsExactly("RETURN_REJECTED inboxclerk@shop.example en PENDING");

		this.mvc
			.perform(as(USER, put("/api/notifications/mail")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"language\":\"fr\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value("language"))
			.andExpect(jsonPath("$.detail").value("'fr' is not a language of the e-mails; choose zh or en"));
		this.mvc.perform(as(USER, get("/api/notifications/mail"))).andExpect(jsonPath("$.language").value("en"));
	}

	@Test
	void administratorsSeeTheOutboxAndQueueAFailedMailAgain() throws Exception {
		// what an administrator would see after the mail server refused a mail ten times
		Long id = this.jdbc.queryForObject("select id from mail_outbox where reference = ? and to_address = ?",
				Long.class, this.approved, "inboxclerk@shop.example");
		this.jdbc.update(
				"update mail_outbox set status = 'FAILED', attempts = 10, last_error = '550 mailbox unavailable' where id = ?",
				id);

		this.mvc.perform(as(USER, get("/api/notifications/outbox")))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(startsWith(
					"Only camunda-admin may look after the mail outbox and rebuild the report summary; your groups are")));
		this.mvc.perform(as(USER, post("/api/notifications/outbox/" + id + "/requeue")))
			.andExpect(status().isForbidden());
		assertThat(this.ledgers.mails(this.approved))
			.containsExactly("RETURN_APPROVED inboxclerk@shop.example zh FAILED");

		this.mvc.perform(as(ADMIN, get("/api/notifications/outbox")).param("status", "FAILED").param("size", "200"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[?(@.id == " + id + ")].lastError").value("550 mailbox unavailable"))
			.andExpect(jsonPath("$.content[?(@.id == " + id + ")].attempts").value(10));
		this.mvc.perform(as(ADMIN, post("/api/notifications/outbox/" + id + "/requeue")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PENDING"))
			.andExpect(jsonPath("$.attempts").value(0))
			.andExpect(jsonPath("$.lastError").value("550 mailbox unavailable"));
		assertThat(this.ledgers.mails(this.approved))
			.containsExactly("RETURN_APPROVED inboxclerk@shop.example zh PENDING");

		this.mvc.perform(as(ADMIN, post("/api/notifications/outbox/" + id + "/requeue")))
			.andExpect(status().isConflict())
			.andExpect(
					jsonPath("$.detail").value("Mail " + id + " is PENDING; only a FAILED mail can be queued again"));
		this.mvc.perform(as(ADMIN, post("/api/notifications/outbox/999999999/requeue")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("There is no mail 999999999 in the outbox"));
		this.mvc.perform(as(ADMIN, get("/api/notifications/outbox")).param("status", "LOST"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("choose one of PENDING, SENT, FAILED")));
	}

	private void at(Instant time, Runnable work) {
		EngineTime.set(time);
		work.run();
	}

}
