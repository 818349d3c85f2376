package io.returnsdesk.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.returnsdesk.support.AppNode;
import io.returnsdesk.support.FreePorts;
import io.returnsdesk.support.HttpApi;
import io.returnsdesk.support.MasterData;
import io.returnsdesk.support.Sql;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The crash and cluster checks of the README: a real PostgreSQL, the application's jar as
 * one or two separate processes on it, a few hundred return lifecycles driven over HTTP
 * by concurrent clients, nodes killed with SIGKILL in the middle and started again, and
 * then the invariants, printed, with a non-zero exit when one fails.
 * <p>
 * {@code ./mvnw -Pcrash-check verify} runs it with one node,
 * {@code ./mvnw -Pcluster-check
 * verify} with two; {@code -Dchaos.lifecycles}, {@code -Dchaos.clients} and
 * {@code -Dchaos.kills} change the load and the number of kills.
 */
public final class ChaosCheck {

	static final String ADMIN = "chaosadmin";

	static final String ADMIN_PASSWORD = "chaos-admin-password";

	static final String PASSWORD = "chaos-password-1";

	/** The mix of paths, repeated: mostly refunds, every other path a tenth each. */
	private static final List<Lifecycle.Path> MIX = List.of(Lifecycle.Path.REFUND, Lifecycle.Path.REJECT_RESUBMIT,
			Lifecycle.Path.EXCHANGE, Lifecycle.Path.SEND_BACK, Lifecycle.Path.REFUND, Lifecycle.Path.SCRAP,
			Lifecycle.Path.REJECT_WITHDRAW, Lifecycle.Path.SUPPLIER, Lifecycle.Path.REFUND, Lifecycle.Path.SCRAP);

	private static final Lifecycle.Users USERS = new Lifecycle.Users(
			List.of("clerk1", "clerk2", "clerk3", "clerkapprover"), List.of("approver1", "approver2", "clerkapprover"),
			List.of("wh1", "wh2"), List.of("fin1", "fin2"));

	private final String mode;

	private final int nodeCount;

	private final int lifecycleCount;

	private final int clientCount;

	private final int kills;

	private final Duration settleTimeout;

	private final Path dir;

	private final Path jar;

	private final List<AppNode> nodes = new ArrayList<>();

	private final List<String> killLog = new CopyOnWriteArrayList<>();

	private EmbeddedPostgres postgres;

	private MailSink mail;

	/**
	 * The relay's mails per transaction (returns.mail.batch-size): in flight at a kill.
	 */
	private static final int MAIL_BATCH = 20;

	private ChaosCheck(String mode) {
		this.mode = mode;
		this.nodeCount = mode.equals("cluster") ? 2 : 1;
		this.lifecycleCount = Integer.getInteger("chaos.lifecycles", 300);
		this.clientCount = Integer.getInteger("chaos.clients", 24);
		this.kills = Integer.getInteger("chaos.kills", mode.equals("cluster") ? 1 : 2);
		this.settleTimeout = Duration.ofSeconds(Integer.getInteger("chaos.settle-seconds", 480));
		this.dir = Path.of(System.getProperty("chaos.dir", "target/chaos-" + mode)).toAbsolutePath();
		this.jar = Path.of(System.getProperty("chaos.jar", "target/returns-desk-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
	}

	public static void main(String[] args) throws Exception {
		String mode = (args.length > 0) ? args[0] : System.getProperty("chaos.mode", "crash");
		if (!mode.equals("crash") && !mode.equals("cluster")) {
			System.err.println("Usage: ChaosCheck crash|cluster");
			System.exit(2);
		}
		ChaosCheck check = new ChaosCheck(mode);
		Runtime.getRuntime().addShutdownHook(new Thread(check::shutDown));
		int exit;
		try {
			exit = check.run() ? 0 : 1;
		}
		catch (Exception ex) {
			ex.printStackTrace();
			exit = 3;
		}
		check.shutDown();
		System.exit(exit);
	}

	private boolean run() throws Exception {
		if (!Files.isRegularFile(this.jar)) {
			throw new IllegalStateException(
					"No application jar at %s: build it first (./mvnw package)".formatted(this.jar));
		}
		deleteDirectory(this.dir);
		Files.createDirectories(this.dir);
		say("%s check: %d lifecycles, %d clients, %d node(s), %d kill(s); logs in %s", this.mode, this.lifecycleCount,
				this.clientCount, this.nodeCount, this.kills, this.dir);

		this.postgres = EmbeddedPostgres.builder()
			.setDataDirectory(this.dir.resolve("pgdata"))
			.setCleanDataDirectory(false)
			.setPort(FreePorts.next())
			.setServerConfig("max_connections", "200")
			.setOutputRedirector(ProcessBuilder.Redirect.appendTo(this.dir.resolve("postgres.log").toFile()))
			.setErrorRedirector(ProcessBuilder.Redirect.appendTo(this.dir.resolve("postgres.log").toFile()))
			.start();
		try (Connection admin = this.postgres.getPostgresDatabase().getConnection()) {
			admin.createStatement().execute("create database returnsdesk");
		}
		String url = this.postgres.getJdbcUrl("postgres", "returnsdesk");
		say("PostgreSQL 16 (embedded) on port %d, data in %s", this.postgres.getPort(), this.dir.resolve("pgdata"));
		this.mail = new MailSink(FreePorts.next());
		this.mail.start();
		say("SMTP server (GreenMail) on port %d", this.mail.port());

		for (int i = 1; i <= this.nodeCount; i++) {
			Map<String, String> environment = new LinkedHashMap<>();
			environment.put("SPRING_PROFILES_ACTIVE", "postgres");
			environment.put("POSTGRES_URL", url);
			environment.put("POSTGRES_USER", "postgres");
			environment.put("POSTGRES_PASSWORD", "postgres");
			environment.put("RETURNS_ADMIN_USER", ADMIN);
			environment.put("RETURNS_ADMIN_PASSWORD", ADMIN_PASSWORD);
			// every notification goes out by e-mail, from every node
			environment.put("RETURNS_MAIL_ENABLED", "true");
			environment.put("RETURNS_MAIL_HOST", "127.0.0.1");
			environment.put("RETURNS_MAIL_PORT", String.valueOf(this.mail.port()));
			// the engine writes it into the job log: which node ran each job
			List<String> arguments = List.of("--camunda.bpm.generic-properties.properties.hostname=node-" + i);
			this.nodes.add(new AppNode("node-" + i, FreePorts.next(), this.jar, this.dir.resolve("node-" + i + ".log"),
					environment, arguments));
		}
		long startup = System.nanoTime();
		// one after the other: on an empty database each node creates the schema, and two
		// at
		// once collide (see the README); -Dchaos.start-together=true shows it
		boolean together = Boolean.getBoolean("chaos.start-together");
		for (AppNode node : this.nodes) {
			node.start();
			if (!together) {
				node.awaitReady(ADMIN, ADMIN_PASSWORD, Duration.ofMinutes(4));
			}
		}
		for (AppNode node : this.nodes) {
			node.awaitReady(ADMIN, ADMIN_PASSWORD, Duration.ofMinutes(4));
			say("%s up at %s (pid %d)", node.name(), node.baseUrl(), node.pid());
		}
		say("Started in %d s", seconds(startup));

		HttpApi api = new HttpApi(this.nodes.stream().map(AppNode::baseUrl).toList(), PASSWORD);
		createUsers(new HttpApi(List.of(this.nodes.get(0).baseUrl()), ADMIN_PASSWORD));
		List<Lifecycle.Path> paths = new ArrayList<>();
		for (int i = 0; i < this.lifecycleCount; i++) {
			paths.add(MIX.get(i % MIX.size()));
		}
		List<MasterData.Order> orders;
		try (Connection db = this.postgres.getDatabase("postgres", "returnsdesk").getConnection()) {
			orders = MasterData.seed(db, paths.stream().map((path) -> path != Lifecycle.Path.SUPPLIER).toList());
		}
		say("Seeded 6 products in 2 warehouses and %d shipped or received orders", orders.size());

		long begin = System.nanoTime();
		long deadline = begin + Duration.ofMinutes(Integer.getInteger("chaos.client-minutes", 20)).toNanos();
		List<Lifecycle> lifecycles = new ArrayList<>();
		for (int i = 0; i < this.lifecycleCount; i++) {
			lifecycles.add(new Lifecycle(i, paths.get(i), orders.get(i), USERS,
					MasterData.WAREHOUSES.get((i / 2) % MasterData.WAREHOUSES.size()), api, deadline));
		}
		ExecutorService clients = Executors.newFixedThreadPool(this.clientCount);
		lifecycles.forEach(clients::submit);
		clients.shutdown();

		try (Connection db = this.postgres.getDatabase("postgres", "returnsdesk").getConnection()) {
			int killed = 0;
			long lastReport = System.nanoTime();
			// the restart runs beside the clients, which go on (on the other node, if
			// any)
			ExecutorService restarts = Executors.newSingleThreadExecutor();
			Future<?> restart = null;
			// the mail server goes away for a while, between the kills: nothing may be
			// lost
			ExecutorService outages = Executors.newSingleThreadExecutor();
			Duration outage = Duration.ofSeconds(Integer.getInteger("chaos.mail-outage-seconds", 30));
			boolean mailServerDown = false;
			while (!clients.awaitTermination(200, TimeUnit.MILLISECONDS)) {
				long finished = lifecycles.stream().filter((lifecycle) -> lifecycle.finished).count();
				if (killed < this.kills && (restart == null || restart.isDone())
						&& finished >= (long) this.lifecycleCount * (killed + 1) / (this.kills + 1)) {
					AppNode victim = this.nodes.get(killed % this.nodes.size());
					String killing = kill(victim, db, finished, seconds(begin));
					restart = restarts.submit(() -> restart(victim, killing, lifecycles));
					killed++;
				}
				if (!mailServerDown && !outage.isZero() && finished >= this.lifecycleCount / 2) {
					say("Mail server down for %d s at %d s, %d lifecycles done", outage.toSeconds(), seconds(begin),
							finished);
					outages.submit(() -> {
						this.mail.outage(outage);
						return null;
					});
					mailServerDown = true;
				}
				if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(15)) {
					say("  %d of %d lifecycles done after %d s", finished, this.lifecycleCount, seconds(begin));
					lastReport = System.nanoTime();
				}
			}
			long clientSeconds = seconds(begin);
			if (restart != null) {
				restart.get();
			}
			restarts.shutdown();
			outages.shutdown();
			outages.awaitTermination(outage.toSeconds() + 30, TimeUnit.SECONDS);
			say("Clients done after %d s: %d calls, %d unanswered, %d server errors, %d retries, %d uncertain outcomes checked",
					clientSeconds, api.calls.get(), api.unanswered.get(), api.serverErrors.get(),
					Lifecycle.retries.get(), Lifecycle.uncertainOutcomes.get());
			long settled = settle(db);
			long totalSeconds = seconds(begin);

			// what the mail server received is read once it has stopped
			this.mail.stop();
			Invariants invariants = new Invariants(db, lifecycles, this.mail, this.killLog.size() * MAIL_BATCH);
			invariants.verify();
			Map<String, Object> counts = new LinkedHashMap<>();
			counts.put("mode", this.mode + " (" + this.nodeCount + " node" + ((this.nodeCount > 1) ? "s" : "") + ")");
			counts.put("lifecycles (clients at once)", this.lifecycleCount + " (" + this.clientCount + ")");
			paths.stream()
				.distinct()
				.sorted()
				.forEach((path) -> counts.put("  path " + path, paths.stream().filter(path::equals).count()));
			counts.put("kills (SIGKILL) and restarts", this.killLog.size());
			counts.put("clients' time, s", clientSeconds);
			counts.put("until all posted, s", totalSeconds + " (settled " + settled + " s after the clients)");
			counts.put("HTTP calls (unanswered / 5xx)",
					api.calls.get() + " (" + api.unanswered.get() + " / " + api.serverErrors.get() + ")");
			counts.put("uncertain outcomes checked", Lifecycle.uncertainOutcomes.get());
			counts.putAll(invariants.counts());
			for (AppNode node : this.nodes) {
				counts.put("log lines with ERROR, " + node.name(), node.logLines(" ERROR "));
				counts.put("optimistic locking exceptions logged, " + node.name(),
						node.logLines("OptimisticLockingException"));
			}
			print(counts, invariants);
			return invariants.allHold();
		}
	}

	private String kill(AppNode victim, Connection db, long finished, long atSecond) throws Exception {
		long jobs = Sql.number(db, "select count(*) from act_ru_job where process_def_key_ = 'returnRequest'");
		long locked = Sql.number(db,
				"""
						select count(*) from act_ru_job where process_def_key_ = 'returnRequest' and lock_owner_ is not null""");
		long pid = victim.pid();
		victim.kill();
		String line = "SIGKILL %s (pid %d) at %d s, %d lifecycles done; %d posting jobs pending, %d of them locked"
			.formatted(victim.name(), pid, atSecond, finished, jobs, locked);
		say(line);
		return line;
	}

	private Void restart(AppNode victim, String killing, List<Lifecycle> lifecycles) throws Exception {
		long down = System.nanoTime();
		long before = lifecycles.stream().filter((lifecycle) -> lifecycle.finished).count();
		victim.start();
		victim.awaitReady(ADMIN, ADMIN_PASSWORD, Duration.ofMinutes(4));
		long downSeconds = seconds(down);
		long during = lifecycles.stream().filter((lifecycle) -> lifecycle.finished).count() - before;
		say("  %s up again (pid %d) after %d s; %d lifecycles finished meanwhile", victim.name(), victim.pid(),
				downSeconds, during);
		this.killLog.add("%s; down %d s, %d lifecycles finished meanwhile".formatted(killing, downSeconds, during));
		return null;
	}

	/**
	 * Waits until the job executors have posted every confirmed return and the relays
	 * have sent every mail.
	 */
	private long settle(Connection db) throws SQLException, InterruptedException {
		long begin = System.nanoTime();
		long deadline = begin + this.settleTimeout.toNanos();
		long lastReport = 0;
		while (System.nanoTime() < deadline) {
			long running = Sql.number(db,
					"""
							select count(*) from act_hi_procinst where proc_def_key_ = 'returnRequest' and end_time_ is null""");
			long pendingMails = Sql.number(db, "select count(*) from mail_outbox where status = 'PENDING'");
			if (running == 0 && pendingMails == 0) {
				return seconds(begin);
			}
			if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(15)) {
				Map<String, Object> jobs = Sql.rows(db, """
						select count(*) as jobs, count(lock_owner_) as locked, max(lock_exp_time_) as lock_expires,
						  count(*) filter (where retries_ = 0) as failed
						from act_ru_job where process_def_key_ = 'returnRequest'""").get(0);
				say("  waiting for %d process instances and %d mails; jobs %s", running, pendingMails, jobs);
				lastReport = System.nanoTime();
			}
			Thread.sleep(1000);
		}
		say("Gave up waiting after %d s", seconds(begin));
		return seconds(begin);
	}

	private void createUsers(HttpApi admin) throws Exception {
		Map<String, List<String>> groups = new LinkedHashMap<>();
		USERS.clerks().forEach((user) -> groups.computeIfAbsent(user, (u) -> new ArrayList<>()).add("sales"));
		USERS.approvers().forEach((user) -> groups.computeIfAbsent(user, (u) -> new ArrayList<>()).add("approvers"));
		USERS.warehouse().forEach((user) -> groups.computeIfAbsent(user, (u) -> new ArrayList<>()).add("warehouse"));
		USERS.finance().forEach((user) -> groups.computeIfAbsent(user, (u) -> new ArrayList<>()).add("finance"));
		for (Map.Entry<String, List<String>> user : groups.entrySet()) {
			HttpApi.Answer created = admin.post(ADMIN, "/engine-rest/user/create",
					Map.of("profile",
							Map.of("id", user.getKey(), "firstName", user.getKey(), "lastName", "Chaos", "email",
									user.getKey() + "@example.com"),
							"credentials", Map.of("password", PASSWORD)),
					Map.of());
			expect(created, 204, "create user " + user.getKey());
			for (String group : user.getValue()) {
				expect(admin.put(ADMIN, "/engine-rest/group/%s/members/%s".formatted(group, user.getKey()), null,
						Map.of()), 204, "add " + user.getKey() + " to " + group);
			}
		}
		say("Created %d users through /engine-rest: %s", groups.size(), groups);
	}

	private void print(Map<String, Object> counts, Invariants invariants) {
		System.out.println();
		for (String line : this.killLog) {
			System.out.println("kill: " + line);
		}
		System.out.println();
		int width = counts.keySet().stream().mapToInt(String::length).max().orElse(10);
		String rule = "-".repeat(width + 14);
		System.out.println(rule);
		counts.forEach((name, value) -> System.out.printf("%-" + width + "s  %10s%n", name, value));
		System.out.println(rule);
		for (Invariants.Check check : invariants.checks()) {
			System.out.printf("%-4s %s%s%n", check.ok() ? "OK" : "FAIL", check.name(),
					check.ok() ? "" : "\n       " + check.detail());
		}
		System.out.println(rule);
		System.out.println(invariants.allHold() ? "ALL INVARIANTS HOLD" : "SOME INVARIANTS FAILED");
	}

	private synchronized void shutDown() {
		for (AppNode node : this.nodes) {
			try {
				node.stop();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (this.mail != null) {
			this.mail.stop();
		}
		if (this.postgres != null) {
			try {
				this.postgres.close();
			}
			catch (IOException ex) {
				// the data directory stays for a look at it
			}
			this.postgres = null;
		}
	}

	private static void expect(HttpApi.Answer answer, int status, String what) {
		if (answer.status() != status) {
			throw new IllegalStateException("%s: %d %s".formatted(what, answer.status(), answer.body()));
		}
	}

	private static void say(String format, Object... values) {
		System.out.printf("[chaos] " + format + "%n", values);
	}

	private static long seconds(long since) {
		return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - since);
	}

	private static void deleteDirectory(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
