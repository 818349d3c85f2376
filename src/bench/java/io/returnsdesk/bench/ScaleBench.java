package io.returnsdesk.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import javax.sql.DataSource;

import io.returnsdesk.ReturnsDeskApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The "at scale" part of the benchmark: a million return lines ({@link ScaleData}) in the
 * application's PostgreSQL database, then what users wait for, over HTTP against the
 * running application: the history search with its typical filters and the return-rate
 * report over a year.
 * <p>
 * Search: for each kind of filter, {@value #SEARCH_WARMUP} calls to warm up, then
 * {@code -Dbench.search-calls} (60 by default) timed calls with varied values, one after
 * the other, the first page of 20 as the desk asks for it; p50 and p95 per kind, and
 * {@code searchP95Ms} the p95 of all timed calls together. Report: by product and by
 * month, over the last 365 days up to today (so both ends are partial months) and over
 * the last twelve whole months; {@value #REPORT_WARMUP} calls to warm up and
 * {@value #REPORT_RUNS} timed calls each; {@code reportMs} is the worst median of the
 * four.
 * <p>
 * {@link #main} runs it alone: an embedded PostgreSQL 16, the application in this JVM on
 * it, then {@link #run}.
 */
public final class ScaleBench {

	static final int SEARCH_WARMUP = 5;

	static final int REPORT_WARMUP = 2;

	static final int REPORT_RUNS = 7;

	/** p50 and p95 of one kind of call, in milliseconds, and how many were timed. */
	public record Percentiles(double p50Ms, double p95Ms, int calls) {

		static Percentiles of(List<Double> millis) {
			List<Double> sorted = new ArrayList<>(millis);
			Collections.sort(sorted);
			return new Percentiles(percentile(sorted, 50), percentile(sorted, 95), sorted.size());
		}

	}

	/**
	 * The figures of a run.
	 *
	 * @param returnLines return lines in the database
	 * @param orders original orders in the database
	 * @param generationSeconds how long generating and analysing took
	 * @param summarySeconds how long the application took to build its report summary
	 * after the load ({@code POST /api/reports/returns/summary/rebuild}); 0 when measured
	 * alone
	 * @param searchP95Ms p95 of all timed history searches
	 * @param search p50 and p95 per kind of filter
	 * @param reportMs the median of the timed runs of each report (period and grouping)
	 * @param reportWorstMs the worst of those medians
	 */
	public record ScaleResult(long returnLines, long orders, double generationSeconds, double summarySeconds,
			double searchP95Ms, Map<String, Percentiles> search, Map<String, Double> reportMs, double reportWorstMs) {

	}

	private final DataSource database;

	private final String baseUrl;

	private final String authorization;

	private final PrintStream out;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final ZoneId zone = ZoneId.of(System.getProperty("bench.time-zone", "Asia/Shanghai"));

	private final Random random = new Random(7);

	private ScaleBench(DataSource database, String baseUrl, String user, String password, PrintStream out) {
		this.database = database;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.authorization = "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		this.out = out;
	}

	/**
	 * Generates the data set ({@code -Dbench.return-lines}, a million by default) in the
	 * application's database, then measures the search and the report over HTTP.
	 * @param appDatabase the application's database, migrated, with the application up
	 * @param baseUrl where the application answers, e.g. {@code http://localhost:8080}
	 * @param user a user that may search returns and read reports (an administrator)
	 * @param password the user's password, sent with HTTP Basic
	 * @param out where the progress and the figures are printed
	 */
	public static ScaleResult run(DataSource appDatabase, String baseUrl, String user, String password, PrintStream out)
			throws Exception {
		ScaleBench bench = new ScaleBench(appDatabase, baseUrl, user, password, out);
		int lines = Integer.getInteger("bench.return-lines", 1_000_000);
		ScaleData.Generated generated = new ScaleData(appDatabase, bench.zone, out).generate(lines);
		// rows written around the application: it builds its report summary anew, as
		// after
		// any bulk load
		long begin = System.nanoTime();
		bench.post("/api/reports/returns/summary/rebuild");
		double summary = (System.nanoTime() - begin) / 1e9;
		out.printf("Report summary rebuilt by the application in %.1f s%n", summary);
		return bench.measure(generated, summary);
	}

	/** Measures a data set generated before, as {@link #run} does after generating it. */
	public static ScaleResult measureOnly(DataSource appDatabase, String baseUrl, String user, String password,
			PrintStream out) throws Exception {
		ScaleBench bench = new ScaleBench(appDatabase, baseUrl, user, password, out);
		return bench.measure(new ScaleData.Generated(bench.counts(), 0), 0);
	}

	private ScaleResult measure(ScaleData.Generated generated, double summarySeconds) throws Exception {
		int calls = Integer.getInteger("bench.search-calls", 60);
		// 0 measures the report alone
		Map<String, List<String>> queries = (calls > 0) ? searchQueries(calls) : Map.of();
		Map<String, Percentiles> search = new LinkedHashMap<>();
		List<Double> all = new ArrayList<>();
		this.out.printf("History search, %d warm-up and %d timed calls per kind (GET /api/returns):%n", SEARCH_WARMUP,
				calls);
		for (Map.Entry<String, List<String>> kind : queries.entrySet()) {
			List<String> values = kind.getValue();
			for (int i = 0; i < SEARCH_WARMUP; i++) {
				get("/api/returns?" + values.get(values.size() - 1 - i));
			}
			List<Double> millis = new ArrayList<>();
			long matches = 0;
			int capped = 0;
			for (int i = 0; i < calls; i++) {
				Timed timed = get("/api/returns?" + values.get(i));
				millis.add(timed.millis());
				matches += totalElements(timed.body());
				// free text counted up to the cap only: the total is then a lower bound
				capped += timed.body().contains("\"totalExact\":false") ? 1 : 0;
			}
			all.addAll(millis);
			Percentiles p = Percentiles.of(millis);
			search.put(kind.getKey(), p);
			this.out.printf(
					"  %-14s p50 %7.1f ms  p95 %7.1f ms  (%d calls, %,d matches on average, %d counted only to the cap;"
							+ " e.g. %s)%n",
					kind.getKey(), p.p50Ms(), p.p95Ms(), calls, matches / calls, capped, values.get(0));
		}
		double searchP95 = all.isEmpty() ? 0 : Percentiles.of(all).p95Ms();
		this.out.printf("  searchP95Ms    %.1f ms over %d calls (goal 50)%n", searchP95, all.size());

		LocalDate today = LocalDate.now(this.zone);
		Map<String, String> periods = new LinkedHashMap<>();
		periods.put("rolling year", "from=%s&to=%s".formatted(today.minusDays(364), today));
		LocalDate firstOfMonth = today.withDayOfMonth(1);
		periods.put("12 whole months",
				"from=%s&to=%s".formatted(firstOfMonth.minusMonths(12), firstOfMonth.minusDays(1)));
		Map<String, Double> reports = new LinkedHashMap<>();
		this.out.printf("Return-rate report, %d warm-up and %d timed calls each (GET /api/reports/returns), median:%n",
				REPORT_WARMUP, REPORT_RUNS);
		for (Map.Entry<String, String> period : periods.entrySet()) {
			for (String grouping : List.of("product", "month")) {
				String path = "/api/reports/returns?groupBy=%s&%s".formatted(grouping, period.getValue());
				for (int i = 0; i < REPORT_WARMUP; i++) {
					get(path);
				}
				List<Double> millis = new ArrayList<>();
				Timed last = null;
				for (int i = 0; i < REPORT_RUNS; i++) {
					last = get(path);
					millis.add(last.millis());
				}
				double median = Percentiles.of(millis).p50Ms();
				String name = "%s by %s".formatted(period.getKey(), grouping);
				reports.put(name, median);
				this.out.printf("  %-26s %7.1f ms  (min %.1f, max %.1f; %d rows; %s)%n", name, median,
						Collections.min(millis), Collections.max(millis), rows(last.body()), period.getValue());
			}
		}
		double reportWorst = reports.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
		this.out.printf("  reportMs                   %7.1f ms, the worst median (goal 300)%n", reportWorst);
		return new ScaleResult(generated.returnLines(), generated.orders(), generated.seconds(), summarySeconds,
				searchP95, search, reports, reportWorst);
	}

	/** For each kind of filter, the query strings of its calls, varied. */
	private Map<String, List<String>> searchQueries(int calls) throws SQLException {
		int n = calls + SEARCH_WARMUP;
		Map<String, List<String>> queries = new LinkedHashMap<>();
		LocalDate today = LocalDate.now(this.zone);
		List<String> statuses = List.of("CONFIRMED", "CONFIRMED", "CONFIRMED", "SUBMITTED", "APPROVED", "PROCESSED",
				"REJECTED", "WITHDRAWN");
		queries.put("date+status", repeat(n, (i) -> {
			LocalDate from = today.minusDays(7 + this.random.nextInt(ScaleData.DAYS - 7));
			LocalDate to = from.plusDays(6 + this.random.nextInt(25));
			return "from=%s&to=%s&status=%s".formatted(from, to, statuses.get(this.random.nextInt(statuses.size())));
		}));
		List<String[]> parties = sample("""
				select p.code, p.name from return_order r tablesample system (1) join trade_order o on o.id = r.order_id
				join party p on p.id = o.party_id""", 2, n);
		queries.put("party", repeat(n, (i) -> "party=" + encode(parties.get(i)[0])));
		List<String[]> skus = sample("select sku from product where sku like '" + ScaleData.SKU_PREFIX + "%'", 1, n);
		queries.put("sku", repeat(n, (i) -> "sku=" + encode(skus.get(i)[0])));
		List<String> words = List.of("dead pixels", "电池鼓包", "wrong model", "Missing parts", "改变主意", "smells", "颜色与图片",
				"charges very");
		queries.put("text: detail", repeat(n, (i) -> "q=" + encode(words.get(i % words.size()))));
		// two Chinese characters, as often typed: too short for a trigram
		List<String> shortWords = List.of("划痕", "漏水", "异味", "配件", "坏点", "尺码");
		queries.put("text: 2 chars", repeat(n, (i) -> "q=" + encode(shortWords.get(i % shortWords.size()))));
		queries.put("text: party", repeat(n, (i) -> {
			String name = parties.get(i)[1];
			// what a clerk types of a name: a company's Chinese name and number, a
			// person's
			// Chinese name, or the whole of another name
			String part = name.contains(" Co. ") ? name.substring(name.indexOf(" Co. ") + 5)
					: (name.codePointAt(0) > 0x2E80) ? name.substring(0, name.indexOf(' ')) : name;
			return "q=" + encode(part);
		}));
		// of the generated orders (SO-yyyyMMdd-…), not the lifecycles' (SO-CHAOS-…)
		List<String[]> orders = sample("""
				select o.number from return_order r tablesample system (1) join trade_order o on o.id = r.order_id
				where o.number not like '%-CHAOS-%'""", 1, n);
		// the day and the first digits of the day's sequence: SO-20250314-01…
		queries.put("text: order", repeat(n, (i) -> "q=" + encode(orders.get(i)[0].substring(0, 14))));
		List<String[]> numbers = sample("select number from return_order tablesample system (1)", 1, n);
		queries.put("number", repeat(n, (i) -> "q=" + encode(numbers.get(i)[0])));
		return queries;
	}

	private List<String> repeat(int n, Function<Integer, String> query) {
		List<String> queries = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			queries.add(query.apply(i));
		}
		return queries;
	}

	/** n rows of a sample, shuffled the same way at every run. */
	private List<String[]> sample(String sql, int columns, int n) throws SQLException {
		List<String[]> rows = new ArrayList<>();
		try (Connection connection = this.database.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("select setseed(0.5)");
			try (ResultSet result = statement.executeQuery(sql.replace("(1)", "(1) repeatable (7)") + " limit 5000")) {
				while (result.next()) {
					String[] row = new String[columns];
					for (int c = 0; c < columns; c++) {
						row[c] = result.getString(c + 1);
					}
					rows.add(row);
				}
			}
		}
		if (rows.isEmpty()) {
			throw new IllegalStateException("Nothing to sample: " + sql);
		}
		Collections.shuffle(rows, this.random);
		while (rows.size() < n) {
			rows.addAll(List.copyOf(rows));
		}
		return rows.subList(0, n);
	}

	private Map<String, Long> counts() throws SQLException {
		Map<String, Long> rows = new LinkedHashMap<>();
		try (Connection connection = this.database.getConnection();
				Statement statement = connection.createStatement()) {
			for (String table : List.of("return_line", "trade_order")) {
				try (ResultSet result = statement.executeQuery("select count(*) from " + table)) {
					result.next();
					rows.put(table, result.getLong(1));
				}
			}
		}
		return rows;
	}

	private record Timed(double millis, String body) {

	}

	private Timed get(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Authorization", this.authorization)
			.header("Accept", "application/json")
			.timeout(Duration.ofMinutes(2))
			.GET()
			.build();
		long begin = System.nanoTime();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		double millis = (System.nanoTime() - begin) / 1e6;
		if (response.statusCode() != 200) {
			throw new IllegalStateException("GET %s answered %d: %s".formatted(path, response.statusCode(),
					response.body().substring(0, Math.min(500, response.body().length()))));
		}
		return new Timed(millis, response.body());
	}

	private void post(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Authorization", this.authorization)
			.timeout(Duration.ofMinutes(30))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException(
					"POST %s answered %d: %s".formatted(path, response.statusCode(), response.body()));
		}
	}

	private static long totalElements(String body) {
		int at = body.lastIndexOf("\"totalElements\":");
		if (at < 0) {
			return 0;
		}
		int start = at + "\"totalElements\":".length();
		int end = start;
		while (end < body.length() && Character.isDigit(body.charAt(end))) {
			end++;
		}
		return Long.parseLong(body.substring(start, end));
	}

	private static int rows(String body) {
		int count = 0;
		for (int i = body.indexOf("\"key\""); i >= 0; i = body.indexOf("\"key\"", i + 1)) {
			count++;
		}
		return count;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static double percentile(List<Double> sorted, int percent) {
		// nearest rank
		int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
		return sorted.get(Math.max(0, rank - 1));
	}

	/**
	 * Runs the scale part alone: an embedded PostgreSQL 16 (data in {@code -Dbench.dir},
	 * {@code target/bench-scale} by default, kept with {@code -Dbench.keep=true} and
	 * measured again without generating), the application in this JVM on it, then
	 * {@link #run}.
	 */
	public static void main(String[] args) throws Exception {
		Path dir = Path.of(System.getProperty("bench.dir", "target/bench-scale")).toAbsolutePath();
		boolean reuse = Files.isDirectory(dir.resolve("pgdata")) && Boolean.getBoolean("bench.keep");
		if (!reuse) {
			deleteDirectory(dir);
		}
		Files.createDirectories(dir);
		int exit = 0;
		try (EmbeddedPostgres postgres = startPostgres(dir)) {
			if (!reuse) {
				try (Connection admin = postgres.getPostgresDatabase().getConnection()) {
					admin.createStatement().execute("create database returnsdesk");
				}
			}
			String url = postgres.getJdbcUrl("postgres", "returnsdesk");
			String admin = "benchadmin";
			String password = "bench-admin-password";
			long start = System.nanoTime();
			try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ReturnsDeskApplication.class)
				.profiles("postgres")
				.properties(Map.of("POSTGRES_URL", url, "POSTGRES_USER", "postgres", "POSTGRES_PASSWORD", "postgres",
						"RETURNS_ADMIN_USER", admin, "RETURNS_ADMIN_PASSWORD", password, "PORT", "0",
						"logging.level.root", "WARN"))
				.run()) {
				int port = ((WebServerApplicationContext) app).getWebServer().getPort();
				System.out.printf("Application up on port %d in %.1f s, PostgreSQL 16 (embedded) on port %d%n", port,
						(System.nanoTime() - start) / 1e9, postgres.getPort());
				DataSource database = postgres.getDatabase("postgres", "returnsdesk");
				String baseUrl = "http://localhost:" + port;
				ScaleResult result = reuse ? measureOnly(database, baseUrl, admin, password, System.out)
						: run(database, baseUrl, admin, password, System.out);
				System.out.println(result);
			}
		}
		catch (Exception ex) {
			ex.printStackTrace();
			exit = 1;
		}
		System.exit(exit);
	}

	/**
	 * An embedded PostgreSQL 16 with a production-like configuration for this machine (2
	 * cores, 24 GB): 1 GB of shared buffers, WAL room for bulk loads.
	 */
	public static EmbeddedPostgres startPostgres(Path dir) throws IOException {
		return EmbeddedPostgres.builder()
			.setDataDirectory(dir.resolve("pgdata"))
			.setCleanDataDirectory(false)
			.setServerConfig("shared_buffers", "1GB")
			.setServerConfig("effective_cache_size", "8GB")
			.setServerConfig("work_mem", "32MB")
			.setServerConfig("maintenance_work_mem", "512MB")
			.setServerConfig("max_wal_size", "8GB")
			.setServerConfig("checkpoint_timeout", "30min")
			.setServerConfig("random_page_cost", "1.1")
			.setOutputRedirector(ProcessBuilder.Redirect.appendTo(dir.resolve("postgres.log").toFile()))
			.setErrorRedirector(ProcessBuilder.Redirect.appendTo(dir.resolve("postgres.log").toFile()))
			.start();
	}

	private static void deleteDirectory(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (var paths = Files.walk(dir)) {
			paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach((path) -> {
				try {
					Files.delete(path);
				}
				catch (IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			});
		}
	}

}
