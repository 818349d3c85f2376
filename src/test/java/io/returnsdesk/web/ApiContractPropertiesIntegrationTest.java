package io.returnsdesk.web;

import java.lang.reflect.Method;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.returnsdesk.catalog.Product;
import io.returnsdesk.returns.ReturnReason;
import io.returnsdesk.sales.TradeOrder;
import io.returnsdesk.support.ApiAnswersChecked;
import io.returnsdesk.support.Footprint;
import io.returnsdesk.support.HttpApi;
import io.returnsdesk.support.ReturnDriver;
import io.returnsdesk.support.ServedApiDocument;
import io.returnsdesk.support.ServerIntegrationTest;
import io.returnsdesk.support.TestFiles;
import io.returnsdesk.support.TestFixtures;
import io.returnsdesk.support.TestUsers;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestContextManager;

import static io.returnsdesk.support.TestFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated requests against every operation of the served OpenAPI document, over real
 * HTTP, as each role's user, a user in no group, a wrong password and nobody: the path,
 * query, header and body each made from the operation's schema (good values, values the
 * data knows, values beyond the limits) or malformed. Whatever is sent, the API never
 * fails (no 5xx), every answer is one the document gives that operation (status, type,
 * schema), every refusal is a problem with a detail a person can read, and a refused
 * request (or any read) changes nothing. A bounded run (see {@link #TRIES}), in the
 * normal build; jqwik prints the seed that reproduces a failure.
 */
@ServerIntegrationTest
class ApiContractPropertiesIntegrationTest {

	/**
	 * Requests per run: 13-18 s in the full build on a 2-core machine, 28 s alone (plus
	 * the context's start).
	 */
	static final int TRIES = 1200;

	// jqwik runs beside Jupiter: the test's Spring context, from the shared cache
	private static final TestContextManager SPRING = new TestContextManager(ApiContractPropertiesIntegrationTest.class);

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String PASSWORD = TestUsers.PASSWORD;

	/**
	 * Each role of the design, a store-bound clerk and worker, and a user in no group.
	 */
	private static final Map<String, String[]> USERS = users();

	/** A wrong password counts against the address's free failures: only a few. */
	private static final int WRONG_PASSWORDS = 3;

	private static final AtomicInteger wrongPasswords = new AtomicInteger();

	private static final Map<String, AtomicInteger> called = new ConcurrentHashMap<>();

	private static final AtomicInteger refused = new AtomicInteger();

	private static final Map<String, Map<Integer, Integer>> answered = new ConcurrentHashMap<>();

	private static volatile World world;

	private static long started;

	@LocalServerPort
	int port;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReturnDriver driver;

	@Autowired
	TestUsers users;

	@Autowired
	Footprint footprint;

	@Autowired
	ApiAnswersChecked answers;

	@Autowired
	JdbcTemplate jdbc;

	final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@BeforeContainer
	static void springTestClass() throws Exception {
		SPRING.beforeTestClass();
	}

	// the listeners of the Spring test context (process coverage among them) see the
	// property as the test method it is
	@BeforeProperty
	void spring() throws Exception {
		SPRING.prepareTestInstance(this);
		SPRING.beforeTestMethod(this, property());
		if (world == null) {
			started = System.nanoTime();
			world = world();
		}
	}

	@AfterProperty
	void springAfter() throws Exception {
		SPRING.afterTestMethod(this, property(), null);
	}

	private static Method property() throws NoSuchMethodException {
		return ApiContractPropertiesIntegrationTest.class
			.getDeclaredMethod("everyAnswerIsDocumentedAndNoRefusalChangesAnything", Call.class);
	}

	@AfterContainer
	static void everyOperationWasCalled() throws Exception {
		SPRING.afterTestClass();
		if (world == null) {
			return;
		}
		Set<String> missed = new TreeSet<>(world.operations.stream().map(Operation::key).toList());
		missed.removeAll(called.keySet());
		System.out.printf("API contract properties: %d requests (%d refused) over %d operations in %.1f s%n",
				called.values().stream().mapToInt(AtomicInteger::get).sum(), refused.get(), world.operations.size(),
				(System.nanoTime() - started) / 1e9);
		new TreeSet<>(answered.keySet()).forEach((operation) -> System.out.printf("  %-55s %s%n", operation,
				new java.util.TreeMap<>(answered.get(operation))));
		int all = called.values().stream().mapToInt(AtomicInteger::get).sum();
		if (all < TRIES) {
			// the property failed and says why; what it did not get to proves nothing
			return;
		}
		assertThat(missed).as("operations of the document the run never called").isEmpty();
		assertThat(all - refused.get()).as("answers of success, whose bodies were checked too").isGreaterThan(all / 20);
	}

	// each operation as likely as another: no edge cases of the first ones crowding out
	// the rest
	@Property(tries = TRIES, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
	void everyAnswerIsDocumentedAndNoRefusalChangesAnything(@ForAll("calls") Call call) throws Exception {
		called.computeIfAbsent(call.operation.key(), (k) -> new AtomicInteger()).incrementAndGet();
		Map<String, Long> before = this.footprint.now();

		HttpResponse<byte[]> answer = send(call);

		int status = answer.statusCode();
		answered.computeIfAbsent(call.operation.key(), (k) -> new ConcurrentHashMap<>()).merge(status, 1, Integer::sum);
		String body = new String(answer.body(), StandardCharsets.UTF_8);
		assertThat(status).as("%s answered %s", call, body).isLessThan(500);
		List<String> divergences = world.document.divergences(call.operation.method, call.path(),
				ServedApiDocument.answer(status, answer.headers().map(), answer.body()));
		assertThat(divergences).as("%s: %s", call, body).isEmpty();
		assertThat(call.operation.statuses).as("%s answered %d, not a status of its operation: %s", call, status, body)
			.contains(String.valueOf(status));
		if (status >= 400) {
			refused.incrementAndGet();
			assertThat(answer.headers().firstValue("Content-Type").orElse(""))
				.as("%s answered %d: %s", call, status, body)
				.startsWith("application/problem+json");
			JsonNode problem = JSON.readTree(body);
			String detail = problem.path("detail").asText("");
			assertThat(detail).as("%s: the detail of %s", call, body).isNotBlank().doesNotContain("Exception");
			assertThat(problem.path("status").asInt()).isEqualTo(status);
		}
		if (status >= 400 || call.operation.method.equals("GET")) {
			assertThat(this.footprint.now()).as("%s answered %d and changed: %s", call, status, body).isEqualTo(before);
		}
	}

	private HttpResponse<byte[]> send(Call call) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + call.uri()))
			.timeout(Duration.ofSeconds(30));
		if (call.user != null) {
			String password = PASSWORD;
			if (call.wrongPassword) {
				password = (wrongPasswords.incrementAndGet() <= WRONG_PASSWORDS) ? "wrong" : PASSWORD;
			}
			request.header("Authorization", HttpApi.basic(call.user, password));
		}
		call.headers.forEach(request::header);
		if (call.contentType != null) {
			request.header("Content-Type", call.contentType);
		}
		request.method(call.operation.method, (call.body != null) ? HttpRequest.BodyPublishers.ofByteArray(call.body)
				: HttpRequest.BodyPublishers.noBody());
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	// the generators

	@Provide
	Arbitrary<Call> calls() {
		List<Arbitrary<Call>> each = world.operations.stream().map(this::callsOf).toList();
		return Arbitraries.oneOf(each);
	}

	private Arbitrary<Call> callsOf(Operation operation) {
		Arbitrary<Caller> caller = callers();
		Arbitrary<Map<String, String>> path = values(operation.parameters("path"), true);
		Arbitrary<Map<String, String>> query = values(operation.parameters("query"), false);
		Arbitrary<Map<String, String>> headers = values(operation.parameters("header"), false, true);
		Arbitrary<Body> body = bodies(operation);
		return Combinators.combine(caller, path, query, headers, body)
			.as((who, p, q, h, b) -> new Call(operation, who.user, who.wrongPassword, p, q, h, b.contentType, b.bytes));
	}

	private Arbitrary<Caller> callers() {
		List<Caller> callers = new ArrayList<>();
		USERS.keySet().forEach((user) -> callers.add(new Caller(user, false)));
		callers.add(new Caller(null, false));
		Arbitrary<Caller> known = Arbitraries.of(callers);
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(30, known),
				net.jqwik.api.Tuple.of(1, Arbitraries.just(new Caller("fzsales", true))));
	}

	private Arbitrary<Map<String, String>> values(List<JsonNode> parameters, boolean always) {
		return values(parameters, always, false);
	}

	private Arbitrary<Map<String, String>> values(List<JsonNode> parameters, boolean always, boolean header) {
		if (parameters.isEmpty()) {
			return Arbitraries.just(Map.of());
		}
		List<Arbitrary<String>> each = new ArrayList<>();
		for (JsonNode parameter : parameters) {
			Arbitrary<String> value = value(parameter.path("name").asText(), parameter.path("schema"));
			if (header) {
				// what HTTP carries in a header: visible ASCII and spaces
				value = value.filter((text) -> text.chars().allMatch((c) -> c >= ' ' && c <= '~'));
			}
			// a parameter sent or left out (null), when it may be left out
			each.add((always || parameter.path("required").asBoolean()) ? value : value.injectNull(0.5));
		}
		return Combinators.combine(each).as((values) -> {
			Map<String, String> named = new LinkedHashMap<>();
			for (int i = 0; i < parameters.size(); i++) {
				if (values.get(i) != null) {
					named.put(parameters.get(i).path("name").asText(), values.get(i));
				}
			}
			return named;
		});
	}

	/**
	 * A value of a parameter or field: good, one the data knows, or beyond the schema.
	 */
	private Arbitrary<String> value(String name, JsonNode schema) {
		JsonNode resolved = resolve(schema);
		List<String> known = world.known.getOrDefault(name, List.of());
		Arbitrary<String> junk = Arbitraries.oneOf(Arbitraries.of("", " ", "0", "-1", "null", "%", "ä", "x'--", "\t"),
				Arbitraries.strings().withCharRange(' ', '~').withChars("中文é\u00a0").ofMaxLength(40));
		Arbitrary<String> good;
		if (resolved.has("enum")) {
			List<String> choices = new ArrayList<>();
			resolved.path("enum").forEach((choice) -> {
				if (!choice.isNull()) {
					choices.add(choice.asText());
				}
			});
			good = Arbitraries.of(choices);
		}
		else if ("integer".equals(resolved.path("type").asText()) || "number".equals(resolved.path("type").asText())) {
			long min = resolved.has("minimum") ? resolved.path("minimum").asLong() : -5;
			long max = resolved.has("maximum") ? resolved.path("maximum").asLong() : 1_000;
			good = Arbitraries.oneOf(Arbitraries.longs().between(min, max).map(String::valueOf),
					Arbitraries.of(String.valueOf(min - 1), String.valueOf(max + 1), "2147483648", "1.5", "1e3"));
		}
		else if ("date".equals(resolved.path("format").asText())) {
			LocalDate today = LocalDate.now();
			good = Arbitraries.oneOf(Arbitraries.integers().between(-800, 30).map((d) -> today.plusDays(d).toString()),
					Arbitraries.of("2026-02-30", "yesterday", "26-01-01", "2026-1-1"));
		}
		else if ("boolean".equals(resolved.path("type").asText())) {
			good = Arbitraries.of("true", "false");
		}
		else if (resolved.has("pattern") && "Idempotency-Key".equals(name)) {
			good = Arbitraries.oneOf(Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(100),
					Arbitraries.of("has space", "x".repeat(101)));
		}
		else {
			good = Arbitraries.strings().alpha().numeric().withChars('-').ofMaxLength(20);
		}
		return known.isEmpty()
				? Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, good), net.jqwik.api.Tuple.of(1, junk))
				: Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, Arbitraries.of(known)),
						net.jqwik.api.Tuple.of(3, good), net.jqwik.api.Tuple.of(1, junk));
	}

	private Arbitrary<Body> bodies(Operation operation) {
		JsonNode content = operation.node.path("requestBody").path("content");
		if (content.isMissingNode() || content.isEmpty()) {
			// a body where none is read changes nothing either
			return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, Arbitraries.just(Body.NONE)),
					net.jqwik.api.Tuple.of(1, Arbitraries.just(new Body("application/json", "{}"))));
		}
		List<Arbitrary<Body>> malformed = List.of(Arbitraries.of(Body.NONE, new Body("application/json", "{"),
				new Body("application/json", "[]"), new Body("application/json", "null"),
				new Body("application/json", "{\"lines\":\"x\"}"), new Body("application/json", "{} {}"),
				new Body("text/plain", "orderNumber=1"), new Body("application/xml", "<return/>"),
				new Body("application/json", "{\"language\":" + "[".repeat(1200) + "]".repeat(1200) + "}")));
		if (content.has("multipart/form-data")) {
			Arbitrary<Body> uploads = Arbitraries.of(Body.multipart("file", "proof.png", "image/png", TestFiles.png()),
					Body.multipart("file", "empty.png", "image/png", new byte[0]),
					Body.multipart("file", "page.jpg", "image/jpeg",
							"<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)),
					Body.multipart("other", "proof.png", "image/png", TestFiles.png()));
			return Arbitraries.oneOf(uploads, Arbitraries.oneOf(malformed));
		}
		JsonNode schema = content.path("application/json").path("schema");
		Arbitrary<Body> fromSchema = json(schema, 0)
			.map((node) -> new Body("application/json", node.toString().getBytes(StandardCharsets.UTF_8)));
		if (schema.path("$ref").asText().endsWith("/ReturnRequest")
				|| schema.path("$ref").asText().endsWith("/CustomerReturnRequest")) {
			// a request that passes every rule now and then, so that the answers of
			// success are checked too
			boolean customers = schema.path("$ref").asText().endsWith("/CustomerReturnRequest");
			return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, goodRequests(customers)),
					net.jqwik.api.Tuple.of(4, fromSchema), net.jqwik.api.Tuple.of(1, Arbitraries.oneOf(malformed)));
		}
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, fromSchema),
				net.jqwik.api.Tuple.of(1, Arbitraries.oneOf(malformed)));
	}

	private Arbitrary<Body> goodRequests(boolean customers) {
		return Combinators
			.combine(Arbitraries.of(world.known.get("reason")), Arbitraries.of(world.known.get("sku").subList(0, 2)),
					Arbitraries.integers().between(1, 2))
			.as((reason, sku, quantity) -> {
				ObjectNode request = JsonNodeFactory.instance.objectNode()
					.put("orderNumber", world.known.get("orderNumber").get(0))
					.put("reason", reason)
					.put("reasonDetail", "Generated: " + reason)
					.put("resolution", "REFUND");
				if (customers) {
					// the customer's: their phone's last digits, no resolution (always a
					// refund)
					request.remove("resolution");
					request.put("phoneLast4", "4321");
				}
				request.putArray("lines").addObject().put("sku", sku).put("quantity", quantity);
				return new Body("application/json", request.toString());
			});
	}

	/** A JSON value from a schema, with the values the data knows for known names. */
	private Arbitrary<JsonNode> json(JsonNode schema, int depth) {
		JsonNode resolved = resolve(schema);
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		if (resolved.has("properties")) {
			List<String> names = new ArrayList<>();
			List<Arbitrary<JsonNode>> values = new ArrayList<>();
			resolved.path("properties").fields().forEachRemaining((field) -> {
				names.add(field.getKey());
				Arbitrary<JsonNode> value = (depth > 3) ? Arbitraries.just(nodes.nullNode())
						: fieldValue(field.getKey(), field.getValue(), depth);
				// a field left out, or null
				values.add(value.injectNull(0.1));
			});
			return Combinators.combine(values).as((filled) -> {
				ObjectNode object = nodes.objectNode();
				for (int i = 0; i < names.size(); i++) {
					if (filled.get(i) != null) {
						object.set(names.get(i), filled.get(i));
					}
				}
				return object;
			});
		}
		if ("array".equals(resolved.path("type").asText())) {
			return json(resolved.path("items"), depth + 1).list().ofMaxSize(3).map((items) -> {
				ArrayNode array = nodes.arrayNode();
				items.forEach(array::add);
				return array;
			});
		}
		return fieldValue("", resolved, depth);
	}

	private Arbitrary<JsonNode> fieldValue(String name, JsonNode schema, int depth) {
		JsonNode resolved = resolve(schema);
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		if (resolved.has("properties") || "array".equals(resolved.path("type").asText())) {
			return json(resolved, depth + 1);
		}
		if ("integer".equals(resolved.path("type").asText()) || "number".equals(resolved.path("type").asText())) {
			return Arbitraries.oneOf(Arbitraries.integers().between(-2, 4).map((n) -> (JsonNode) nodes.numberNode(n)),
					Arbitraries.of(nodes.numberNode(1.5), nodes.numberNode(new java.math.BigDecimal("1e12")),
							nodes.textNode("two")));
		}
		return value(name, resolved).map((text) -> (JsonNode) nodes.textNode(text));
	}

	private static JsonNode resolve(JsonNode schema) {
		JsonNode at = schema;
		for (int i = 0; i < 10 && at.has("$ref"); i++) {
			String ref = at.path("$ref").asText();
			at = world.doc.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
		}
		if (at.has("allOf") && at.path("allOf").size() == 1) {
			return resolve(at.path("allOf").get(0));
		}
		return at;
	}

	// what the run works on

	private World world() throws Exception {
		USERS.forEach((user, groups) -> this.users.ensure(user, PASSWORD, groups));
		ServedApiDocument document = this.answers.document();
		JsonNode doc = JSON.readTree(document.json());
		List<Operation> operations = new ArrayList<>();
		Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
		while (paths.hasNext()) {
			Map.Entry<String, JsonNode> path = paths.next();
			path.getValue().fields().forEachRemaining((method) -> {
				Set<String> statuses = new TreeSet<>();
				method.getValue().path("responses").fieldNames().forEachRemaining(statuses::add);
				operations
					.add(new Operation(method.getKey().toUpperCase(), path.getKey(), method.getValue(), statuses));
			});
		}
		// what the data knows: a return of each kind a user meets, its order, its proof
		Product lamp = this.fixtures.product("49.00", 50);
		Product kettle = this.fixtures.product("89.00", 50);
		// a customer's, so that self-service recognises them by the phone's last digits
		TradeOrder order = this.fixtures.shippedSale(this.fixtures.customer("13900004321"), 2, line(lamp, 20),
				line(kettle, 20));
		String submitted = this.driver.requestAs("fzsales", order, "DEFECTIVE", "It flickers", lamp, 1);
		String rejected = this.driver.requestAs("fzsales", order, "DAMAGED", "Dented", kettle, 1);
		this.driver.reject(rejected, "No photo");
		String confirmed = this.driver.confirmedReturn(order.getNumber(), "CASH", "49.00", lamp.getSku(), 1);
		Long attachment = this.jdbc.queryForObject("select max(id) from return_attachment", Long.class);
		Long mail = this.jdbc.queryForObject("select max(id) from mail_outbox", Long.class);
		Map<String, List<String>> known = new LinkedHashMap<>();
		// an order's number too: the public door reads an order by {number}
		known.put("number", List.of(submitted, rejected, confirmed, "RT-19990101-0001", order.getNumber()));
		known.put("orderNumber", List.of(order.getNumber(), "SO-NOPE"));
		known.put("returnNumber", List.of(confirmed, submitted));
		known.put("sku", List.of(lamp.getSku(), kettle.getSku(), lamp.getBarcode()));
		known.put("q", List.of(lamp.getSku(), order.getNumber(), "RT-", "' or 1=1 --"));
		known.put("reason", java.util.Arrays.stream(ReturnReason.values()).map(Enum::name).toList());
		known.put("resolution", List.of("REFUND", "EXCHANGE"));
		known.put("exchangeSku", List.of(kettle.getSku()));
		known.put("store", List.of(TestFixtures.STORE, "S01"));
		known.put("warehouse", List.of(TestFixtures.WAREHOUSE));
		known.put("language", List.of("zh", "en", "fr"));
		known.put("phoneLast4", List.of("4321", "0000", "43210"));
		// webhooks: a target the test profile allows (nothing listens there, and no
		// worker
		// runs), others the guard refuses; a secret of the right length and one too short
		known.put("url", List.of("http://127.0.0.1:9/hooks", "http://10.0.0.1/hooks", "http://localhost/hooks",
				"ftp://127.0.0.1/hooks"));
		known.put("secret", List.of("fuzz-secret-0123456789", "too-short"));
		Long delivery = this.jdbc.queryForObject("select max(id) from webhook_delivery", Long.class);
		Long webhook = this.jdbc.queryForObject("select max(id) from webhook_subscription", Long.class);
		known.put("id",
				List.of(String.valueOf((attachment != null) ? attachment : 1),
						String.valueOf((mail != null) ? mail : 1), String.valueOf((delivery != null) ? delivery : 1),
						String.valueOf((webhook != null) ? webhook : 1), "999999999"));
		return new World(doc, document, operations, known);
	}

	private static Map<String, String[]> users() {
		Map<String, String[]> users = new LinkedHashMap<>();
		users.put("fzsales", new String[] { "sales" });
		users.put("fzapprover", new String[] { "approvers" });
		users.put("fzmanager", new String[] { "managers" });
		users.put("fzwarehouse", new String[] { "warehouse" });
		users.put("fzfinance", new String[] { "finance" });
		users.put("fzanalyst", new String[] { "analysts" });
		users.put("fzadmin", new String[] { "camunda-admin" });
		users.put("fzsales1", new String[] { "sales", "storeS01" });
		users.put("fzwarehouse1", new String[] { "warehouse", "storeS01" });
		users.put("fznogroup", new String[0]);
		return users;
	}

	record World(JsonNode doc, ServedApiDocument document, List<Operation> operations,
			Map<String, List<String>> known) {

	}

	record Operation(String method, String path, JsonNode node, Set<String> statuses) {

		String key() {
			return this.method + " " + this.path;
		}

		List<JsonNode> parameters(String in) {
			List<JsonNode> found = new ArrayList<>();
			this.node.path("parameters").forEach((parameter) -> {
				if (in.equals(parameter.path("in").asText())) {
					found.add(parameter);
				}
			});
			return found;
		}

	}

	record Caller(String user, boolean wrongPassword) {

	}

	record Body(String contentType, byte[] bytes) {

		static final Body NONE = new Body(null, (byte[]) null);

		Body(String contentType, String text) {
			this(contentType, text.getBytes(StandardCharsets.UTF_8));
		}

		static Body multipart(String part, String fileName, String type, byte[] content) {
			String boundary = "fuzzboundary7MA4YWxk";
			byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
					+ fileName + "\"\r\nContent-Type: " + type + "\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8);
			byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
			byte[] all = new byte[head.length + content.length + tail.length];
			System.arraycopy(head, 0, all, 0, head.length);
			System.arraycopy(content, 0, all, head.length, content.length);
			System.arraycopy(tail, 0, all, head.length + content.length, tail.length);
			return new Body("multipart/form-data; boundary=" + boundary, all);
		}

		@Override
		public String toString() {
			if (this.bytes == null) {
				return "no body";
			}
			String text = new String(this.bytes, StandardCharsets.UTF_8);
			return this.contentType + " " + ((text.length() > 200) ? text.substring(0, 200) + "…" : text);
		}

	}

	record Call(Operation operation, String user, boolean wrongPassword, Map<String, String> pathValues,
			Map<String, String> query, Map<String, String> headers, String contentType, byte[] body) {

		/** The path as sent, its variables filled in and encoded. */
		String path() {
			String path = this.operation.path;
			for (Map.Entry<String, String> value : this.pathValues.entrySet()) {
				path = path.replace("{" + value.getKey() + "}", segment(value.getValue()));
			}
			return path;
		}

		String uri() {
			if (this.query.isEmpty()) {
				return path();
			}
			return path() + "?"
					+ this.query.entrySet()
						.stream()
						.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
								+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
						.collect(Collectors.joining("&"));
		}

		// a path segment as a client library encodes it; an empty one is a path of
		// another call, and a slash or a dot segment another path: those are not this
		// operation's
		private static String segment(String value) {
			String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
			if (encoded.isEmpty() || encoded.equals(".") || encoded.equals("..") || encoded.contains("%2F")
					|| encoded.contains("%5C") || encoded.contains("%25") || encoded.contains("%3B")) {
				return "x" + encoded.replace("%", "");
			}
			return encoded;
		}

		@Override
		public String toString() {
			return "%s %s as %s%s, headers %s, body %s".formatted(this.operation.method, uri(),
					(this.user != null) ? this.user : "nobody", this.wrongPassword ? " (wrong password)" : "",
					this.headers, (this.body == null) ? "none" : new Body(this.contentType, this.body));
		}

	}

}
