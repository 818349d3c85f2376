package io.returnsdesk.returns.process;

import java.math.BigDecimal;

import io.returnsdesk.returns.CompletedTasks;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

/**
 * A task completes only with the decision its step asks for (DESIGN.md's process
 * contract): Tasklist's forms require it, a REST client may forget it. Refused before the
 * process moves on, so nothing changes and the client hears what is missing.
 */
@Component
class TaskDecisionListener implements TaskListener {

	private final CompletedTasks completedTasks;

	TaskDecisionListener(CompletedTasks completedTasks) {
		this.completedTasks = completedTasks;
	}

	@Override
	public void notify(DelegateTask task) {
		try {
			check(task);
		}
		catch (BadUserRequestException refused) {
			// when two users complete one task at once, the loser's listener may read
			// the variables after the winner has moved the execution on and find its
			// decision gone: the task's end, in the history, tells the race from a
			// missing decision
			throw this.completedTasks.refusalToComplete(task.getId()).orElseThrow(() -> refused);
		}
	}

	private static void check(DelegateTask task) {
		switch (task.getTaskDefinitionKey()) {
			case ReturnProcess.TASK_APPROVE -> {
				if (!ProcessVariables.flag(task, ReturnProcess.VAR_APPROVED)) {
					required(task, ReturnProcess.VAR_REJECTION_REASON, "say why the return is rejected");
				}
			}
			case ReturnProcess.TASK_REVISE -> ProcessVariables.flag(task, ReturnProcess.VAR_RESUBMIT);
			case ReturnProcess.TASK_PROCESS -> {
				required(task, ReturnProcess.VAR_WAREHOUSE_CODE, "name the warehouse that takes the goods");
				required(task, ReturnProcess.VAR_REFUND_METHOD, "choose how the refund is paid");
				// none: the value received less the restocking fee
				BigDecimal refund = ProcessVariables.decimal(task, ReturnProcess.VAR_REFUND_AMOUNT);
				if (refund != null && refund.signum() < 0) {
					throw new BadUserRequestException("'%s' must be an amount of zero or more, not %s"
						.formatted(ReturnProcess.VAR_REFUND_AMOUNT, task.getVariable(ReturnProcess.VAR_REFUND_AMOUNT)));
				}
			}
			case ReturnProcess.TASK_CONFIRM -> {
				if (!ProcessVariables.flag(task, ReturnProcess.VAR_CONFIRMED)) {
					required(task, ReturnProcess.VAR_CONFIRMATION_NOTE, "say what processing must correct");
				}
			}
			default -> {
			}
		}
	}

	private static void required(DelegateTask task, String variable, String why) {
		String value = ProcessVariables.string(task, variable);
		if (value == null || value.isBlank()) {
			throw new BadUserRequestException("'%s' is missing: %s".formatted(variable, why));
		}
	}

}
