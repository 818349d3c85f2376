package io.returnsdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.zaxxer.hikari.HikariDataSource;
import io.returnsdesk.ReturnsDeskApplication;
import io.returnsdesk.support.FreePorts;
import io.returnsdesk.support.MasterData;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.camunda.bpm.engine.IdentityService;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The benchmark of the README ({@code ./mvnw -Pbench verify}): on one embedded
 * PostgreSQL, in this JVM, the bare engine's lifecycles, the application's, the latency
 * of creating returns over HTTP, and search and reports over a million return lines;
 * prints a table and writes {@code target/bench/results.json}.
 * <p>
 * {@code -Dbench.lifecycles} (N), {@code -Dbench.threads} (T), {@code -Dbench.warmup},
 * {@code -Dbench.http-requests}, {@code -Dbench.http-clients},
 * {@code -Dbench.http-interval-ms}, {@code -Dbench.return-lines} and
 * {@code -Dbench.phases} (any of {@code engine,app,http,scale}) change what runs;
 * {@code -Dbench.http-warmup} is the number of creates sent back to back before the timed
 * ones. {@code -Dbench.profile=true} records each measured part with Java Flight Recorder
 * (settings "profile") into {@code target/bench/<part>.jfr}.
 */
public final class Benchmark {

	static final String ADMIN = "benchadmin";

	static final String PASSWORD = "bench-password-1";

	private static final String COVERAGE = "org.camunda.community.process_test_coverage.spring_test.platform7"
			+ ".ProcessEngineCoverageConfiguration";

	private final int lifecycles = Integer.getInteger("bench.lifecycles", 1000);

	private final int threads = Integer.getInteger("bench.threads", 8);

	private final int warmup = Integer.getInteger("bench.warmup", 200);

	private final int httpRequests = Integer.getInteger("bench.http-requests", 2000);

	private final int httpWarmup = Integer.getInteger("bench.http-warmup", 1000);

	private final int httpClients = Integer.getInteger("bench.http-clients", 16);

	private final int httpIntervalMs = Integer.getInteger("bench.http-interval-ms", 1000);

	private final int returnLines = Integer.getInteger("bench.return-lines", 1_000_000);

	private final Set<String> phases = Set
		.of(System.getProperty("bench.phases", "engine,app,http,scale,scaling").split("\\s*,\\s*"));

	// how cost grows: each engine runs each N on each number of threads
	private final List<Integer> scalingLifecycles = integers("bench.scaling-lifecycles", "1000,5000");

	private final List<Integer> scalingThreads = integers("bench.scaling-threads", "2,8,16");

	private final List<Map<String, Object>> scaling = new ArrayList<>();

	private final Path out = Path.of(System.getProperty("bench.out", "target/bench")).toAbsolutePath();

	private final Map<String, Object> results = new LinkedHashMap<>();

	private final List<String[]> table = new ArrayList<>();

	private Statements statements;

	public static void main(String[] args) throws Exception {
		int exit = 0;
		try {
			new Benchmark().run();
		}
		catch (Exception ex) {
			ex.printStackTrace();
			exit = 1;
		}
		System.exit(exit);
	}

	private void run() throws Exception {
		Files.createDirectories(this.out);
		this.results.put("machine", Machine.describe());
		this.results.put("startedAt", Instant.now().toString());
		this.results.put("lifecycles", this.lifecycles);
		this.results.put("threads", this.threads);
		this.results.put("warmupLifecycles", this.warmup);
		this.results.put("httpRequests", this.httpRequests);
		this.results.put("httpClients", this.httpClients);
		this.results.put("httpIntervalMs", this.httpIntervalMs);
		say("Benchmark: N=%d lifecycles on T=%d threads (after %d to warm up), %d HTTP creates from %d clients, "
				+ "%,d return lines; phases %s", this.lifecycles, this.threads, this.warmup, this.httpRequests,
				this.httpClients, this.returnLines, this.phases);
		say("Machine: %s", this.results.get("machine"));

		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setPort(FreePorts.next())
			.setDataDirectory(this.out.resolve("pgdata"))
			.setCleanDataDirectory(true)
			// as a production server: commits wait for the disk
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("shared_buffers", "1GB")
			.setServerConfig("max_connections", "100")
			.setServerConfig("shared_preload_libraries", "pg_stat_statements,auto_explain")
			// the plan of every statement slower than this, in postgres.log
			.setServerConfig("auto_explain.log_min_duration", "50")
			.setOutputRedirector(ProcessBuilder.Redirect.appendTo(this.out.resolve("postgres.log").toFile()))
			.setErrorRedirector(ProcessBuilder.Redirect.appendTo(this.out.resolve("postgres.log").toFile()))
			.start()) {
			try (Connection admin = postgres.getPostgresDatabase().getConnection()) {
				admin.createStatement().execute("create database bare");
				admin.createStatement().execute("create database app");
				this.results.put("postgres", Jdbc.text(admin, "select version()"));
			}
			this.statements = new Statements(postgres.getPostgresDatabase(),
					(name) -> postgres.getDatabase("postgres", name), this.out);
			if (this.phases.contains("engine")) {
				bareEngine(postgres);
			}
			if (this.phases.contains("app") || this.phases.contains("http") || this.phases.contains("scale")
					|| this.phases.contains("scaling")) {
				application(postgres);
			}
		}
		if (this.results.containsKey("bareLifecyclesPerSecond") && this.results.containsKey("appLifecyclesPerSecond")) {
			double ratio = (Double) this.results.get("appLifecyclesPerSecond")
					/ (Double) this.results.get("bareLifecyclesPerSecond");
			this.results.put("ratio", Math.round(ratio * 1000) / 1000.0);
			this.table.add(new String[] { "ratio (application / bare engine)", "%.3f".formatted(ratio), "≥ 0.9" });
		}
		this.results.put("finishedAt", Instant.now().toString());
		print();
		printScaling();
		Path json = this.out.resolve("results.json");
		new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), this.results);
		say("Wrote %s", json);
	}

	private void bareEngine(EmbeddedPostgres postgres) throws Exception {
		say("Bare engine: starting a standalone engine on database 'bare'");
		try (HikariDataSource data = pool(postgres, "bare"); BareEngine engine = new BareEngine(data)) {
			LifecycleRun run = engine.lifecycles();
			run.run(0, this.warmup, this.threads);
			this.statements.reset("bare");
			LifecycleRun.Figures figures = profiled("bare", this.lifecycles,
					() -> run.run(this.warmup, this.lifecycles, this.threads));
			say("Bare engine: %s", figures);
			say("Bare engine: %s", this.statements.report("bare", "bare", this.lifecycles));
			this.results.put("bareLifecyclesPerSecond", round(figures.lifecyclesPerSecond()));
			this.results.put("bare", figures);
			this.table
				.add(new String[] { "bare engine: lifecycles/s", "%.1f".formatted(figures.lifecyclesPerSecond()), "" });
			if (this.phases.contains("scaling")) {
				howCostGrows("bare", run, this.warmup + this.lifecycles);
			}
		}
	}

	/**
	 * How cost grows: the engine runs each N on each number of threads, one after the
	 * other from lifecycle {@code first} on, each a row of the scaling table.
	 */
	private void howCostGrows(String engine, LifecycleRun run, int first) throws Exception {
		int next = first;
		for (int count : this.scalingLifecycles) {
			for (int threads : this.scalingThreads) {
				scaled(engine, run.run(next, count, threads));
				next += count;
			}
		}
	}

	/** A row of the scaling table: an engine, N, T, throughput and p99. */
	private void scaled(String engine, LifecycleRun.Figures figures) {
		say("Scaling: %s %s", engine, figures);
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("engine", engine);
		row.put("lifecycles", figures.lifecycles());
		row.put("threads", figures.threads());
		row.put("lifecyclesPerSecond", round(figures.lifecyclesPerSecond()));
		row.put("lifecycleP99Ms", figures.lifecycleP99Ms());
		this.scaling.add(row);
		this.results.put("scaling", this.scaling);
	}

	/** The scaling table, bare engine and application side by side. */
	private void printScaling() {
		if (this.scaling.isEmpty()) {
			return;
		}
		System.out.println();
		System.out.printf("%6s %8s  %14s %12s  %14s %12s  %6s%n", "N", "threads", "bare /s", "bare p99 ms",
				"app /s", "app p99 ms", "ratio");
		for (int count : this.scalingLifecycles) {
			for (int threads : this.scalingThreads) {
				Map<String, Object> bare = scalingRow("bare", count, threads);
				Map<String, Object> app = scalingRow("app", count, threads);
				System.out.printf("%6d %8d  %14s %12s  %14s %12s  %6s%n", count, threads, value(bare, "lifecyclesPerSecond"),
						value(bare, "lifecycleP99Ms"), value(app, "lifecyclesPerSecond"), value(app, "lifecycleP99Ms"),
						(bare == null || app == null) ? "–" : "%.3f".formatted((Double) app.get("lifecyclesPerSecond")
								/ (Double) bare.get("lifecyclesPerSecond")));
			}
		}
	}

	private Map<String, Object> scalingRow(String engine, int count, int threads) {
		return this.scaling.stream()
			.filter((row) -> row.get("engine").equals(engine) && row.get("lifecycles").equals(count)
					&& row.get("threads").equals(threads))
			.findFirst()
			.orElse(null);
	}

	private static String value(Map<String, Object> row, String key) {
		return (row == null) ? "–" : String.valueOf(row.get(key));
	}

	private static List<Integer> integers(String property, String otherwise) {
		return Arrays.stream(System.getProperty(property, otherwise).split("\\s*,\\s*"))
			.map(Integer::valueOf)
			.toList();
	}

	private void application(EmbeddedPostgres postgres) throws Exception {
		GreenMail mail = new GreenMail(new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		mail.start();
		String url = postgres.getJdbcUrl("postgres", "app");
		say("Application: starting on database 'app' (profile postgres, mail to an SMTP server on port %d)",
				mail.getSmtp().getPort());
		long starting = System.nanoTime();
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ReturnsDeskApplication.class)
			.profiles("postgres")
			.properties(applicationProperties(url, mail.getSmtp().getPort()))
			.run()) {
			say("Application: up in %.1f s", (System.nanoTime() - starting) / 1e9);
			AppLifecycles.createUsers(app.getBean(IdentityService.class), PASSWORD);
			// the administrator rebuilds the report summary; the reports are the analysts'
			app.getBean(IdentityService.class).createMembership(ADMIN, "analysts");
			String baseUrl = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
			DataSource data = app.getBean(DataSource.class);
			int httpOrders = this.httpWarmup + 2 * this.httpRequests;
			int scalingOrders = this.phases.contains("scaling")
					? this.scalingLifecycles.stream().mapToInt(Integer::intValue).sum() * this.scalingThreads.size() : 0;
			List<MasterData.Order> orders = seed(data, this.warmup + this.lifecycles + httpOrders + scalingOrders);
			if (this.phases.contains("app")) {
				AppLifecycles run = new AppLifecycles(app, orders);
				run.run(0, this.warmup, this.threads);
				this.statements.reset("app");
				LifecycleRun.Figures figures = profiled("app", this.lifecycles,
						() -> run.run(this.warmup, this.lifecycles, this.threads));
				say("Application: %s", figures);
				say("Application: %s", this.statements.report("app", "app", this.lifecycles));
				this.results.put("appLifecyclesPerSecond", round(figures.lifecyclesPerSecond()));
				this.results.put("app", figures);
				this.table.add(new String[] { "application: lifecycles/s",
						"%.1f".formatted(figures.lifecyclesPerSecond()), "" });
			}
			if (this.phases.contains("http")) {
				http(baseUrl, orders.subList(this.warmup + this.lifecycles, this.warmup + this.lifecycles + httpOrders));
			}
			if (this.phases.contains("scaling")) {
				// after the figures of the goals, on orders of its own
				howCostGrows("app", new AppLifecycles(app, orders), this.warmup + this.lifecycles + httpOrders);
			}
			if (this.phases.contains("scale")) {
				scale(data, baseUrl);
			}
		}
		finally {
			mail.stop();
		}
	}

	/**
	 * Creates over HTTP: warm-up, then paced (the goal's figures), then at full speed
	 * (what the server takes per second), each on orders of its own.
	 */
	private void http(String baseUrl, List<MasterData.Order> orders) throws Exception {
		CreateLatency create = new CreateLatency(baseUrl, AppLifecycles.CLERK, PASSWORD);
		int warm = this.httpWarmup;
		create.run(orders.subList(0, warm), this.httpClients, 0);
		this.statements.reset("app");
		CreateLatency.Figures paced = profiled("create-paced", 0, () -> create
			.run(orders.subList(warm, warm + this.httpRequests), this.httpClients, this.httpIntervalMs));
		say("HTTP create, paced: %s", paced);
		say("HTTP create, paced: %s", this.statements.report("app", "create", this.httpRequests));
		CreateLatency.Figures full = create.run(orders.subList(warm + this.httpRequests, warm + 2 * this.httpRequests),
				this.httpClients, 0);
		say("HTTP create, full speed: %s", full);
		this.results.put("createP50Ms", paced.p50Ms());
		this.results.put("createP99Ms", paced.p99Ms());
		this.results.put("createPaced", paced);
		this.results.put("createFullSpeed", full);
		String load = "%d clients, 1 per %d ms each".formatted(this.httpClients, this.httpIntervalMs);
		this.table
			.add(new String[] { "POST /api/returns p50, ms (" + load + ")", "%.1f".formatted(paced.p50Ms()), "" });
		this.table
			.add(new String[] { "POST /api/returns p99, ms (" + load + ")", "%.1f".formatted(paced.p99Ms()), "≤ 50" });
		this.table.add(new String[] { "POST /api/returns at full speed, per s (" + this.httpClients + " clients)",
				"%.1f".formatted(full.requestsPerSecond()), "" });
		this.table.add(new String[] { "POST /api/returns at full speed, p99 ms", "%.1f".formatted(full.p99Ms()), "" });
	}

	/**
	 * The application as production runs it, on this database and mail server. These are
	 * defaults, which application.yaml's own settings override: so they are given under
	 * the names its placeholders read (PORT, RETURNS_...), not as the settings
	 * themselves.
	 */
	private static Map<String, Object> applicationProperties(String url, int smtpPort) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("POSTGRES_URL", url);
		properties.put("POSTGRES_USER", "postgres");
		properties.put("POSTGRES_PASSWORD", "postgres");
		properties.put("RETURNS_ADMIN_USER", ADMIN);
		properties.put("RETURNS_ADMIN_PASSWORD", PASSWORD);
		properties.put("PORT", "0");
		properties.put("RETURNS_MAIL_ENABLED", "true");
		properties.put("RETURNS_MAIL_HOST", "127.0.0.1");
		properties.put("RETURNS_MAIL_PORT", String.valueOf(smtpPort));
		properties.put("logging.level.root", "WARN");
		// the test classpath's process coverage would hook into the engine
		properties.put("spring.autoconfigure.exclude", COVERAGE);
		return properties;
	}

	/** A million return lines, then history search and return-rate reports over HTTP. */
	private void scale(DataSource data, String baseUrl) throws Exception {
		ScaleBench.ScaleResult scale = ScaleBench.run(data, baseUrl, ADMIN, PASSWORD, System.out);
		say("At scale: %s", scale);
		this.results.put("returnLines", scale.returnLines());
		this.results.put("orders", scale.orders());
		this.results.put("searchP95Ms", scale.searchP95Ms());
		this.results.put("reportMs", scale.reportWorstMs());
		this.results.put("scale", scale);
		this.table.add(new String[] { "data set: return lines / orders",
				"%,d / %,d".formatted(scale.returnLines(), scale.orders()), "" });
		scale.search()
			.forEach((kind, figures) -> this.table
				.add(new String[] { "search " + kind + ": p95, ms", "%.1f".formatted(figures.p95Ms()), "" }));
		this.table.add(new String[] { "search, all kinds: p95, ms", "%.1f".formatted(scale.searchP95Ms()), "≤ 50" });
		scale.reportMs()
			.forEach((report, millis) -> this.table
				.add(new String[] { "report " + report + ", ms", "%.1f".formatted(millis), "" }));
		this.table.add(new String[] { "report, the slower, ms", "%.1f".formatted(scale.reportWorstMs()), "≤ 300" });
	}

	/**
	 * The lifecycles' original orders, two lines each, over 200 products: orders close in
	 * line share no product, as returns of one merchant rarely do within seconds.
	 */
	private List<MasterData.Order> seed(DataSource data, int orders) throws SQLException {
		long begin = System.nanoTime();
		try (Connection connection = data.getConnection()) {
			List<MasterData.Order> seeded = MasterData.seed(connection, Collections.nCopies(orders, true), 200, true);
			say("Seeded %d shipped orders over 200 products in %.1f s", orders, (System.nanoTime() - begin) / 1e9);
			return seeded;
		}
	}

	/**
	 * Runs a measured part, recorded by Java Flight Recorder where {@code bench.profile}
	 * is on; a part of lifecycles gets the account of its CPU by part of the product
	 * ({@link CostAccount}) in {@code target/bench/account-<part>.txt}.
	 */
	private <T> T profiled(String part, int lifecycles, Callable<T> work) throws Exception {
		if (!Boolean.getBoolean("bench.profile")) {
			return work.call();
		}
		try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
			recording.start();
			T result = work.call();
			recording.stop();
			Path file = this.out.resolve(part + ".jfr");
			recording.dump(file);
			say("Recorded %s in %s", part, file);
			if (lifecycles > 0) {
				String account = CostAccount.of(file, lifecycles);
				Files.writeString(this.out.resolve("account-" + part + ".txt"), account);
				say("Where the CPU of %s went:%n%s", part, account);
			}
			return result;
		}
	}

	private void print() {
		System.out.println();
		int width = this.table.stream().mapToInt((row) -> row[0].length()).max().orElse(20);
		String rule = "-".repeat(width + 28);
		System.out.println(rule);
		System.out.printf("%-" + width + "s  %12s  %10s%n", "measure", "value", "goal");
		System.out.println(rule);
		this.table.forEach((row) -> System.out.printf("%-" + width + "s  %12s  %10s%n", row[0], row[1], row[2]));
		System.out.println(rule);
	}

	private static HikariDataSource pool(EmbeddedPostgres postgres, String database) {
		HikariDataSource data = new HikariDataSource();
		data.setJdbcUrl(postgres.getJdbcUrl("postgres", database));
		data.setUsername("postgres");
		data.setPassword("postgres");
		// as Spring Boot's default pool of the application
		data.setMaximumPoolSize(10);
		return data;
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

	private static void say(String format, Object... values) {
		System.out.printf("[bench] " + format + "%n", values);
	}

}
