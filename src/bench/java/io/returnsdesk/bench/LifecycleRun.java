package io.returnsdesk.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * Lifecycles of {@code returnRequest} on its main path, the same for the bare engine and
 * for the application: a request starts the process, an approver approves, the warehouse
 * processes, finance confirms, and the engine's job executor runs the posting steps. A
 * run is over when every process instance it started has ended.
 */
abstract class LifecycleRun {

	/** The user tasks of the main path, in order, with what each decides. */
	enum Step {

		APPROVE("approveReturn"), PROCESS("processReturn"), CONFIRM("confirmReturn");

		final String taskKey;

		Step(String taskKey) {
			this.taskKey = taskKey;
		}

		/** What the step's user submits: approve, process into a warehouse, confirm. */
		Map<String, Object> decision(String warehouseCode, double refundAmount) {
			return switch (this) {
				case APPROVE -> Map.of("approved", true);
				case PROCESS -> Map.of("warehouseCode", warehouseCode, "refundMethod", "ORIGINAL_PAYMENT",
						"refundAmount", refundAmount);
				case CONFIRM -> Map.of("confirmed", true);
			};
		}

	}

	/**
	 * What a run measured: the lifecycles' throughput, and the 99th percentile of the time
	 * one took its users (request to confirmation, the posting job aside).
	 */
	record Figures(int lifecycles, int threads, long millis, double lifecyclesPerSecond, long jobsRun,
			double lifecycleP99Ms) {

	}

	private final TaskService tasks;

	private final HistoryService history;

	private final RuntimeService runtime;

	LifecycleRun(TaskService tasks, HistoryService history, RuntimeService runtime) {
		this.tasks = tasks;
		this.history = history;
		this.runtime = runtime;
	}

	/** Requests return {@code index}: the process starts; returns its business key. */
	abstract String request(int index) throws Exception;

	/** The variables a user of the step submits in its form. */
	abstract Map<String, Object> decision(int index, String businessKey, Step step);

	/** Completes the task as the step's user would. */
	abstract void complete(int index, Task task, Step step, Map<String, Object> variables) throws Exception;

	/** The task of the step, as its user finds it. */
	Task task(int index, String businessKey, Step step) {
		return this.tasks.createTaskQuery()
			.processInstanceBusinessKey(businessKey)
			.taskDefinitionKey(step.taskKey)
			.singleResult();
	}

	/**
	 * Runs lifecycles {@code first} to {@code first + count - 1} on the threads, then
	 * waits for the job executor to end them all.
	 */
	Figures run(int first, int count, int threads) throws Exception {
		long jobsBefore = jobsRun();
		long unfinishedBefore = unfinished();
		long begin = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<?>> work = new ArrayList<>();
		List<Long> took = Collections.synchronizedList(new ArrayList<>(count));
		for (int t = 0; t < threads; t++) {
			int thread = t;
			work.add(pool.submit(() -> {
				for (int index = first + thread; index < first + count; index += threads) {
					long started = System.nanoTime();
					lifecycle(index);
					took.add(System.nanoTime() - started);
				}
				return null;
			}));
		}
		pool.shutdown();
		for (Future<?> done : work) {
			done.get();
		}
		while (unfinished() > unfinishedBefore) {
			long incidents = this.runtime.createIncidentQuery().count();
			if (incidents > 0) {
				throw new IllegalStateException("%d incident(s): %s".formatted(incidents,
						this.runtime.createIncidentQuery().list().get(0).getIncidentMessage()));
			}
			Thread.sleep(20);
		}
		long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
		return new Figures(count, threads, millis, count * 1000.0 / millis, jobsRun() - jobsBefore,
				Percentiles.millis(took, 99));
	}

	private void lifecycle(int index) throws Exception {
		String businessKey = request(index);
		for (Step step : Step.values()) {
			Task task = task(index, businessKey, step);
			if (task == null) {
				throw new IllegalStateException("No %s task for %s".formatted(step.taskKey, businessKey));
			}
			complete(index, task, step, decision(index, businessKey, step));
		}
	}

	private long unfinished() {
		return this.history.createHistoricProcessInstanceQuery()
			.processDefinitionKey("returnRequest")
			.unfinished()
			.count();
	}

	private long jobsRun() {
		return this.history.createHistoricJobLogQuery().successLog().count();
	}

}
