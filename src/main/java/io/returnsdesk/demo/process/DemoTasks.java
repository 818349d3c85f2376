package io.returnsdesk.demo.process;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import io.returnsdesk.engine.EngineTime;
import io.returnsdesk.returns.process.ReturnProcess;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

import org.springframework.stereotype.Component;

/**
 * The demo's people at work in the engine: a task waits as people make it wait, the
 * reminders that fall due meanwhile fire, a user of the task's group claims and completes
 * it, and the postings' job runs — no job executor runs while the demo is seeded.
 */
@Component
class DemoTasks {

	private final TaskService tasks;

	private final IdentityService identity;

	private final ManagementService management;

	// apart from the returns' draws, so that the returns drawn stay the same when waits
	// change
	private final Random waits = new Random(11);

	DemoTasks(TaskService tasks, IdentityService identity, ManagementService management) {
		this.tasks = tasks;
		this.identity = identity;
		this.management = management;
	}

	/** Whether, this time, a person does what one in so many does. */
	boolean oneIn(int many) {
		return this.waits.nextInt(many) == 0;
	}

	/**
	 * The return's task of the step, once it has waited as people make it wait, from a
	 * tenth to twice the typical time (one approval in eight past its reminder, which
	 * then fires), but never into the future.
	 */
	Task waitFor(String number, String definitionKey, Duration typical) {
		Instant at = EngineTime.now();
		Duration waited = typical.dividedBy(10)
			.plus(typical.multipliedBy(19).dividedBy(10).multipliedBy(this.waits.nextInt(1000)).dividedBy(1000));
		if (definitionKey.equals(ReturnProcess.TASK_APPROVE) && this.waits.nextInt(8) == 0) {
			waited = waited.plus(Duration.ofHours(40));
		}
		Instant latest = Instant.now().minus(Duration.ofHours(1));
		if (at.plus(waited).isAfter(latest)) {
			waited = latest.isAfter(at) ? Duration.between(at, latest).dividedBy(3) : Duration.ZERO;
		}
		EngineTime.set(at.plus(waited));
		Task task = this.tasks.createTaskQuery()
			.processInstanceBusinessKey(number)
			.taskDefinitionKey(definitionKey)
			.singleResult();
		this.management.createJobQuery()
			.processInstanceId(task.getProcessInstanceId())
			.timers()
			.duedateLowerThan(Date.from(EngineTime.now()))
			.list()
			.forEach((job) -> this.management.executeJob(job.getId()));
		return task;
	}

	/** Whether the task is offered to the group. */
	boolean offeredTo(Task task, String group) {
		return this.tasks.getIdentityLinksForTask(task.getId())
			.stream()
			.anyMatch((link) -> group.equals(link.getGroupId()));
	}

	/** The user, a member of the group, claims the task and completes it. */
	void complete(Task task, String user, String group, Map<String, Object> variables) {
		as(user, group, () -> {
			this.tasks.claim(task.getId(), user);
			this.tasks.complete(task.getId(), variables);
			return null;
		});
	}

	/**
	 * Does the work as the user, a member of the group; what follows runs as the
	 * application again.
	 */
	<T> T as(String user, String group, Supplier<T> work) {
		this.identity.setAuthentication(user, List.of(group));
		try {
			return work.get();
		}
		finally {
			this.identity.clearAuthentication();
		}
	}

	/** Runs the postings' job of the confirmed return's process. */
	void post(String processInstanceId) {
		Job posting = this.management.createJobQuery()
			.processInstanceId(processInstanceId)
			.activityId(ReturnProcess.TASK_POST_STOCK_MOVEMENTS)
			.singleResult();
		this.management.executeJob(posting.getId());
	}

}
