package io.returnsdesk.system;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.returnsdesk.support.AppNode;
import io.returnsdesk.support.FreePorts;
import io.returnsdesk.support.HttpApi;
import io.returnsdesk.support.MasterData;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logins live in the database, so a load balancer may send each request to any node: the
 * packaged application runs twice, as processes of their own, on one PostgreSQL; a user
 * logs in on one node as a browser does (the login form and its CSRF token, Tasklist's
 * login and its XSRF token) and goes on with the same cookies on the other: the desk's
 * pages, the API, Tasklist. A logout on either node ends the login on both. The
 * database's own statistics (pg_stat_statements) say what the sessions cost per request;
 * the figures go to {@code target/sessions-across-nodes/statements.txt}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionsAcrossNodesIntegrationTest {

	static final String ADMIN = "admin";

	static final String PASSWORD = "sessions-check-1";

	static final String CLERK = "sessionclerk";

	static final String DATABASE = "sessions";

	static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	static final Pattern CSRF_OF_PAGE = Pattern.compile("\"csrfToken\":\"([^\"]+)\"");

	Path dir;

	EmbeddedPostgres postgres;

	AppNode a;

	AppNode b;

	MasterData.Order order;

	@BeforeAll
	void twoNodesOnOneDatabase() throws Exception {
		this.dir = Files.createDirectories(Path.of("target", "sessions-across-nodes"));
		Files.deleteIfExists(this.dir.resolve("node-a.log"));
		Files.deleteIfExists(this.dir.resolve("node-b.log"));
		// a server of its own, to count the statements the sessions cost
		this.postgres = EmbeddedPostgres.builder()
			.setServerConfig("shared_preload_libraries", "pg_stat_statements")
			.setServerConfig("max_connections", "100")
			.start();
		try (Connection admin = this.postgres.getPostgresDatabase().getConnection()) {
			admin.createStatement().execute("create database " + DATABASE);
			admin.createStatement().execute("create extension if not exists pg_stat_statements");
		}
		String url = this.postgres.getJdbcUrl("postgres", DATABASE);
		// the first node alone makes the schema (docs/operations.md: Scaling out)
		this.a = node("node-a", url);
		this.a.start();
		this.a.awaitReady(ADMIN, PASSWORD, Duration.ofMinutes(3));
		this.b = node("node-b", url);
		this.b.start();
		this.b.awaitReady(ADMIN, PASSWORD, Duration.ofMinutes(3));

		HttpApi admin = new HttpApi(List.of(this.a.baseUrl()), PASSWORD);
		HttpApi.Answer created = admin.post(ADMIN, "/engine-rest/user/create", Map.of("profile",
				Map.of("id", CLERK, "firstName", "Session", "lastName", "Clerk", "email", CLERK + "@example.com"),
				"credentials", Map.of("password", PASSWORD)), Map.of());
		assertThat(created.status()).as(created.body()).isEqualTo(204);
		assertThat(admin.put(ADMIN, "/engine-rest/group/sales/members/" + CLERK, null, Map.of()).status())
			.isEqualTo(204);
		try (Connection db = this.postgres.getDatabase("postgres", DATABASE).getConnection()) {
			this.order = MasterData.seed(db, List.of(true), 2, false).get(0);
		}
	}

	@AfterAll
	void stop() throws Exception {
		for (AppNode node : new AppNode[] { this.a, this.b }) {
			if (node != null) {
				node.stop();
			}
		}
		if (this.postgres != null) {
			this.postgres.close();
		}
	}

	@Test
	void aDeskLoginOnOneNodeServesPagesAndTheApiOnTheOtherUntilALogoutOnEither() throws Exception {
		Browser browser = new Browser();

		// the login form on A, with its CSRF token, as a browser sends it
		HttpResponse<String> form = browser.get(this.a, "/login");
		assertThat(form.statusCode()).isEqualTo(200);
		HttpResponse<String> login = browser.postForm(this.a, "/login",
				Map.of("username", CLERK, "password", PASSWORD, "_csrf", find(CSRF_FIELD, form.body())), Map.of());
		assertThat(login.statusCode()).as(login.body()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/returns"));
		// today's cookie: Tomcat's name and path, no script reads it, no other site sends
		// it
		assertThat(login.headers().allValues("Set-Cookie")).filteredOn((cookie) -> cookie.startsWith("JSESSIONID="))
			.singleElement()
			.satisfies((cookie) -> assertThat(cookie).contains("Path=/;", "HttpOnly", "SameSite=Lax"));

		assertThat(sessionsOf(login)).isOne();

		// B knows the login: its pages show the user
		HttpResponse<String> page = browser.get(this.b, "/returns");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"current-user\">" + CLERK + "<");

		// the API on B as that user, with the CSRF token of a page that A served
		String token = find(CSRF_OF_PAGE, browser.get(this.a, "/returns/new").body());
		assertThat(browser.get(this.b, "/api/returns").statusCode()).isEqualTo(200);
		HttpResponse<String> created = browser.postJson(this.b, "/api/returns", """
				{"orderNumber":"%s","reason":"DEFECTIVE","resolution":"REFUND","lines":[{"sku":"%s","quantity":1}]}"""
			.formatted(this.order.number(), this.order.lines().get(0).sku()), Map.of("X-CSRF-TOKEN", token));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode made = HttpApi.JSON.readTree(created.body());
		assertThat(made.path("requestedBy").asText()).isEqualTo(CLERK);
		HttpResponse<String> read = browser.get(this.a, "/api/returns/" + made.path("number").asText());
		assertThat(read.statusCode()).isEqualTo(200);

		// the logout form on B ends the login on A as well
		HttpResponse<String> logout = browser.postForm(this.b, "/logout",
				Map.of("_csrf", find(CSRF_FIELD, browser.get(this.b, "/returns").body())), Map.of());
		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(logout.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/login?logout"));
		HttpResponse<String> after = browser.get(this.a, "/returns");
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/login"));
		assertThat(browser.get(this.a, "/api/returns").statusCode()).isEqualTo(401);
		// even with the cookie of the ended session, which the browser has forgotten: the
		// session is no more
		assertThat(browser.replaying(login).get(this.a, "/api/returns").statusCode()).isEqualTo(401);
		assertThat(sessionsOf(login)).isZero();
	}

	@Test
	void aTasklistLoginOnOneNodeWorksOnTheOtherUntilALogoutOnEither() throws Exception {
		Browser browser = new Browser();

		// Tasklist's page on A gives the XSRF token its login must send back
		assertThat(browser.get(this.a, "/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
		HttpResponse<String> login = browser.postForm(this.a, "/camunda/api/admin/auth/user/default/login/tasklist",
				Map.of("username", CLERK, "password", PASSWORD), browser.xsrf());
		assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
		assertThat(sessionsOf(login)).isOne();

		HttpResponse<String> user = browser.get(this.b, "/camunda/api/admin/auth/user/default");
		assertThat(user.statusCode()).as(user.body()).isEqualTo(200);
		assertThat(HttpApi.JSON.readTree(user.body()).path("userId").asText()).isEqualTo(CLERK);
		assertThat(HttpApi.JSON.readTree(user.body()).path("authorizedApps").toString()).contains("tasklist");
		HttpResponse<String> tasks = browser.get(this.b, "/camunda/api/engine/engine/default/task");
		assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
		assertThat(HttpApi.JSON.readTree(tasks.body()).isArray()).isTrue();
		// a change, with the XSRF token of the session, on A again
		HttpResponse<String> filter = browser.postJson(this.a, "/camunda/api/engine/engine/default/task/count", "{}",
				browser.xsrf());
		assertThat(filter.statusCode()).as(filter.body()).isEqualTo(200);

		// Tasklist's logout on B ends the login on A
		HttpResponse<String> logout = browser.postForm(this.b, "/camunda/api/admin/auth/user/default/logout", Map.of(),
				browser.xsrf());
		assertThat(logout.statusCode()).isEqualTo(200);
		// the whole session ends, not only the engine's login in it: a request of the
		// session still running elsewhere cannot write the login back
		assertThat(sessionsOf(login)).isZero();
		assertThat(browser.replaying(login).get(this.a, "/camunda/api/admin/auth/user/default").statusCode())
			.isEqualTo(404);
		assertThat(browser.replaying(login).get(this.a, "/camunda/api/engine/engine/default/task").statusCode())
			.isEqualTo(401);
	}

	@Test
	void whatTheSessionsCostPerRequest() throws Exception {
		int requests = 50;
		Browser desk = new Browser();
		HttpResponse<String> form = desk.get(this.a, "/login");
		assertThat(desk
			.postForm(this.a, "/login",
					Map.of("username", CLERK, "password", PASSWORD, "_csrf", find(CSRF_FIELD, form.body())), Map.of())
			.statusCode()).isEqualTo(302);
		Browser tasklist = new Browser();
		tasklist.get(this.a, "/camunda/app/tasklist/default/");
		assertThat(tasklist
			.postForm(this.a, "/camunda/api/admin/auth/user/default/login/tasklist",
					Map.of("username", CLERK, "password", PASSWORD), tasklist.xsrf())
			.statusCode()).isEqualTo(200);
		Browser basic = new Browser();

		Map<String, String> figures = new LinkedHashMap<>();
		figures.put("desk page GET /returns (login session)",
				measure(requests, () -> assertThat(desk.get(this.b, "/returns").statusCode()).isEqualTo(200)));
		figures.put("API GET /api/products (login session)",
				measure(requests,
						() -> assertThat(desk.get(this.b, "/api/products?q=" + MasterData.sku(0)).statusCode())
							.isEqualTo(200)));
		figures.put("API GET /api/products (HTTP Basic, no session)",
				measure(requests,
						() -> assertThat(basic
							.get(this.b, "/api/products?q=" + MasterData.sku(0),
									Map.of("Authorization", HttpApi.basic(CLERK, PASSWORD)))
							.statusCode()).isEqualTo(200)));
		figures.put("Tasklist GET /camunda/api/engine/engine/default/task/count (login session)", measure(requests,
				() -> assertThat(tasklist.get(this.b, "/camunda/api/engine/engine/default/task/count").statusCode())
					.isEqualTo(200)));
		// the files of the pages, which the browser asks for with the cookie
		figures.put("desk file GET /desk/desk.js (login session)",
				measure(requests, () -> assertThat(desk.get(this.b, "/desk/desk.js").statusCode()).isEqualTo(200)));
		figures.put("Tasklist file GET /camunda/app/tasklist/locales/en.json (login session)",
				measure(requests,
						() -> assertThat(tasklist.get(this.b, "/camunda/app/tasklist/locales/en.json").statusCode())
							.isEqualTo(200)));

		StringBuilder report = new StringBuilder(
				"statements per request on node B, from pg_stat_statements (%d requests each)%n".formatted(requests));
		figures.forEach((what, figure) -> report.append(what).append(": ").append(figure).append('\n'));
		Files.writeString(this.dir.resolve("statements.txt"), report);
		System.out.print(report);
	}

	/**
	 * Runs the requests and answers the statements per request: on the session tables,
	 * and in all.
	 */
	private String measure(int requests, Call call) throws Exception {
		try (Connection db = this.postgres.getPostgresDatabase().getConnection()) {
			db.createStatement().execute("select pg_stat_statements_reset()");
			for (int i = 0; i < requests; i++) {
				call.run();
			}
			try (PreparedStatement counts = db.prepareStatement("""
					select coalesce(sum(s.calls) filter (where s.query ilike '%spring_session%'), 0) as sessions,
					       coalesce(sum(s.calls), 0) as statements
					from pg_stat_statements s join pg_database d on d.oid = s.dbid
					where d.datname = ? and s.query not ilike '%pg_stat_statements%'""")) {
				counts.setString(1, DATABASE);
				StringBuilder figure = new StringBuilder();
				try (ResultSet row = counts.executeQuery()) {
					row.next();
					figure.append("%.1f on the session tables, %.1f in all".formatted(
							row.getLong("sessions") / (double) requests,
							row.getLong("statements") / (double) requests));
				}
				// and which they are
				try (PreparedStatement each = db.prepareStatement("""
						select s.calls, regexp_replace(s.query, '\\s+', ' ', 'g') as query
						from pg_stat_statements s join pg_database d on d.oid = s.dbid
						where d.datname = ? and s.query not ilike '%pg_stat_statements%' order by s.calls desc""")) {
					each.setString(1, DATABASE);
					try (ResultSet rows = each.executeQuery()) {
						while (rows.next()) {
							String query = rows.getString("query");
							figure.append("%n    %5.2f  %s".formatted(rows.getLong("calls") / (double) requests,
									query.substring(0, Math.min(150, query.length()))));
						}
					}
				}
				return figure.toString();
			}
		}
	}

	/** Sessions in the database with the id of the session cookie the answer set. */
	private long sessionsOf(HttpResponse<String> answer) throws Exception {
		String cookie = answer.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((value) -> value.startsWith("JSESSIONID="))
			.findFirst()
			.orElseThrow();
		// Spring Session's cookie holds the id in Base64
		String id = new String(Base64.getDecoder().decode(cookie.substring("JSESSIONID=".length()).split(";")[0]),
				StandardCharsets.US_ASCII);
		try (Connection db = this.postgres.getDatabase("postgres", DATABASE).getConnection();
				PreparedStatement count = db
					.prepareStatement("select count(*) from spring_session where session_id = ?")) {
			count.setString(1, id);
			try (ResultSet row = count.executeQuery()) {
				row.next();
				return row.getLong(1);
			}
		}
	}

	private AppNode node(String name, String url) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("SPRING_PROFILES_ACTIVE", "postgres");
		environment.put("POSTGRES_URL", url);
		environment.put("POSTGRES_USER", "postgres");
		environment.put("POSTGRES_PASSWORD", "postgres");
		environment.put("RETURNS_ADMIN_USER", ADMIN);
		environment.put("RETURNS_ADMIN_PASSWORD", PASSWORD);
		// no background jobs: the statements counted are the requests'
		return new AppNode(name, FreePorts.next(), Path.of(System.getProperty("returns.jar")),
				this.dir.resolve(name + ".log"), environment,
				List.of("--camunda.bpm.job-execution.enabled=false", "--spring.session.jdbc.cleanup-cron=-"));
	}

	private static String find(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		assertThat(matcher.find()).as("%s in %s", pattern, text).isTrue();
		return matcher.group(1);
	}

	interface Call {

		void run() throws Exception;

	}

	/**
	 * A browser's HTTP as far as the test needs it: its cookies, sent to both nodes (a
	 * cookie belongs to the host, not the port, as behind one load balancer), kept and
	 * forgotten as the answers say; redirects are not followed.
	 */
	static final class Browser {

		private final HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();

		private final Map<String, String> cookies = new LinkedHashMap<>();

		/** A browser holding the cookies that the answer set. */
		Browser replaying(HttpResponse<String> answer) {
			Browser other = new Browser();
			other.keep(answer);
			return other;
		}

		Map<String, String> xsrf() {
			String token = this.cookies.get("XSRF-TOKEN");
			assertThat(token).as("Camunda's XSRF-TOKEN cookie").isNotNull();
			return Map.of("X-XSRF-TOKEN", token);
		}

		HttpResponse<String> get(AppNode node, String path) throws IOException, InterruptedException {
			return get(node, path, Map.of());
		}

		HttpResponse<String> get(AppNode node, String path, Map<String, String> headers)
				throws IOException, InterruptedException {
			return send(node, path, "GET", HttpRequest.BodyPublishers.noBody(), null, headers);
		}

		HttpResponse<String> postForm(AppNode node, String path, Map<String, String> fields,
				Map<String, String> headers) throws IOException, InterruptedException {
			List<String> pairs = new ArrayList<>();
			fields.forEach((name, value) -> pairs.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
			return send(node, path, "POST", HttpRequest.BodyPublishers.ofString(String.join("&", pairs)),
					"application/x-www-form-urlencoded", headers);
		}

		HttpResponse<String> postJson(AppNode node, String path, String body, Map<String, String> headers)
				throws IOException, InterruptedException {
			return send(node, path, "POST", HttpRequest.BodyPublishers.ofString(body), "application/json", headers);
		}

		private HttpResponse<String> send(AppNode node, String path, String method, HttpRequest.BodyPublisher body,
				String contentType, Map<String, String> headers) throws IOException, InterruptedException {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
				.timeout(Duration.ofSeconds(30))
				.header("Accept-Language", "en")
				.method(method, body);
			if (contentType != null) {
				request.header("Content-Type", contentType);
			}
			if (!this.cookies.isEmpty()) {
				List<String> pairs = new ArrayList<>();
				this.cookies.forEach((name, value) -> pairs.add(name + "=" + value));
				request.header("Cookie", String.join("; ", pairs));
			}
			headers.forEach(request::header);
			HttpResponse<String> answer = this.http.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			keep(answer);
			return answer;
		}

		private void keep(HttpResponse<String> answer) {
			for (String cookie : answer.headers().allValues("Set-Cookie")) {
				String pair = cookie.split(";", 2)[0];
				int equals = pair.indexOf('=');
				String name = pair.substring(0, equals).strip();
				String value = pair.substring(equals + 1).strip();
				if (value.isEmpty() || cookie.contains("Max-Age=0")) {
					this.cookies.remove(name);
				}
				else {
					this.cookies.put(name, value);
				}
			}
		}

	}

}
