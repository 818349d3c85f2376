package io.returnsdesk.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU of a recorded part went, by part of the product. Each execution sample of
 * Java Flight Recorder is read from its innermost frame up to the engine command closest
 * to it: the first of the application's parts (in the order below) with a frame there
 * takes it, so that the database reads, JSON and engine calls a feature makes count as
 * that feature's; a sample with none (the engine at work for the model, whether the
 * benchmark, the application or the job executor asked) goes to the engine's part it is
 * in. The shares are of the samples; the milliseconds share the JVM's CPU time over the
 * recording out among them.
 */
final class CostAccount {

	/** The application's parts, the first that matches a frame's class wins. */
	private static final Map<String, Predicate<String>> PARTS = new LinkedHashMap<>();

	// the engine's own work, by what it is doing (any frame on the stack)
	private static final Map<String, Predicate<String>> ENGINE = new LinkedHashMap<>();

	private static final String TRUNCATED = "unknown (stack cut)";

	// where a command of the engine begins: its work below is the engine's, whoever
	// asked
	private static final String COMMAND = "org.camunda.bpm.engine.impl.interceptor.CommandContextInterceptor";

	static {
		PARTS.put("task cards and form data (task-local variables)",
				(type) -> type.startsWith("io.returnsdesk.returns.process.TaskForm"));
		PARTS.put("policy tables evaluated by the application (DMN, FEEL)",
				(type) -> type.startsWith("io.returnsdesk.returns.process.DeployedDecisions")
						|| type.startsWith("io.returnsdesk.returns.process.Dmn"));
		PARTS.put("task listeners (four eyes, actor, decisions)",
				(type) -> type.startsWith("io.returnsdesk.returns.process.Task")
						|| type.startsWith("io.returnsdesk.returns.process.FourEyes"));
		PARTS.put("notifications (in-app, mail outbox, mail delivery)",
				(type) -> type.startsWith("io.returnsdesk.notification"));
		PARTS.put("webhooks (outbox)", (type) -> type.startsWith("io.returnsdesk.webhooks"));
		PARTS.put("books (journal entries, credit notes)", (type) -> type.startsWith("io.returnsdesk.finance")
				|| type.startsWith("io.returnsdesk.returns.internal.ReturnBooks"));
		PARTS.put("stock (movements, levels, valuation, holds)",
				(type) -> type.startsWith("io.returnsdesk.inventory"));
		PARTS.put("report summaries kept up", (type) -> type.startsWith("io.returnsdesk.reporting"));
		PARTS.put("original orders", (type) -> type.startsWith("io.returnsdesk.sales"));
		PARTS.put("returns: records, rules, events, process start",
				(type) -> type.startsWith("io.returnsdesk.returns") || type.startsWith("io.returnsdesk.catalog"));
		PARTS.put("other application code", (type) -> type.startsWith("io.returnsdesk.")
				&& !type.startsWith("io.returnsdesk.bench") && !transparent(type));
		// by class and method
		ENGINE.put("engine: authorization checks",
				(method) -> method.startsWith("org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager"));
		ENGINE.put("engine: history events",
				(method) -> method.startsWith("org.camunda.bpm.engine.impl.history"));
		ENGINE.put("engine: writes at the end of a command (flush)",
				(method) -> method.startsWith("org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager.flush"));
		ENGINE.put("engine: queries, executions, tasks, variables, jobs",
				(method) -> method.startsWith("org.camunda.bpm") || method.startsWith("org.apache.ibatis"));
		ENGINE.put("benchmark driver", (method) -> method.startsWith("io.returnsdesk.bench"));
	}

	private CostAccount() {
	}

	/**
	 * The account of a recording: one line per part, the most costly first, then the
	 * total.
	 */
	static String of(Path recording, int lifecycles) throws IOException {
		Map<String, Integer> samples = new TreeMap<>();
		double cpuSeconds = 0;
		int total = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
			String type = event.getEventType().getName();
			if (type.equals("jdk.CPULoad")) {
				// a share of all cores, once a second
				cpuSeconds += (event.getFloat("jvmUser") + event.getFloat("jvmSystem"))
						* Runtime.getRuntime().availableProcessors();
			}
			else if (type.equals("jdk.ExecutionSample") && event.getStackTrace() != null) {
				samples.merge(part(event.getStackTrace().getFrames(), event.getStackTrace().isTruncated()), 1,
						Integer::sum);
				total++;
			}
		}
		StringBuilder account = new StringBuilder();
		account.append("%-58s %8s %7s %14s%n".formatted("part", "samples", "share", "CPU ms/lifecycle"));
		int all = total;
		double perLifecycle = cpuSeconds * 1000 / lifecycles;
		samples.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.forEach((entry) -> account.append("%-58s %8d %6.1f %% %14.1f%n".formatted(entry.getKey(),
					entry.getValue(), 100.0 * entry.getValue() / all, perLifecycle * entry.getValue() / all)));
		account.append("%-58s %8d %6.1f %% %14.1f%n".formatted("all (JVM CPU %.1f s over %d lifecycles)"
			.formatted(cpuSeconds, lifecycles), all, 100.0, perLifecycle));
		return account.toString();
	}

	private static String part(List<RecordedFrame> frames, boolean truncated) {
		// the frames up to the engine's command closest to the work: the engine's own
		// work below it belongs to the engine, whoever started the command
		int command = frames.size();
		for (int i = 0; i < frames.size(); i++) {
			if (frames.get(i).getMethod().getType().getName().equals(COMMAND)) {
				command = i;
				break;
			}
		}
		List<String> types = frames.subList(0, command)
			.stream()
			.map((frame) -> frame.getMethod().getType().getName())
			.toList();
		// the first part on the list found among them: a feature's database reads and
		// JSON count as the feature's, not as the records it reads
		for (Map.Entry<String, Predicate<String>> part : PARTS.entrySet()) {
			if (types.stream().anyMatch(part.getValue())) {
				return part.getKey();
			}
		}
		for (Map.Entry<String, Predicate<String>> part : ENGINE.entrySet()) {
			for (RecordedFrame frame : frames.subList(0, command)) {
				if (part.getValue().test(frame.getMethod().getType().getName() + "." + frame.getMethod().getName())) {
					return part.getKey();
				}
			}
		}
		return truncated ? TRUNCATED : "JVM, JDBC pool, timers and the rest";
	}

	/** Command interceptors around all the engine's work: not a part of their own. */
	private static boolean transparent(String type) {
		return type.startsWith("io.returnsdesk.engine.StoreTenancy")
				|| type.startsWith("io.returnsdesk.engine.EngineCommands")
				|| type.startsWith("io.returnsdesk.engine.TaskFormCopiesOutOfHistory");
	}

}
