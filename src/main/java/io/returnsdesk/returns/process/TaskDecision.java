package io.returnsdesk.returns.process;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Set;

import io.returnsdesk.returns.RefundMethod;
import io.returnsdesk.returns.TimelineEntry.Kind;

/**
 * What a user task decided, as the timeline tells it: the decision variables set on the
 * process when the task completed, by the task's key.
 *
 * @param taskKey the task's definition key
 * @param variables the decision variables set while completing it
 */
record TaskDecision(String taskKey, Map<String, Object> variables) {

	static final Set<String> VARIABLES = Set.of(ReturnProcess.VAR_APPROVED, ReturnProcess.VAR_REJECTION_REASON,
			ReturnProcess.VAR_RESUBMIT, ReturnProcess.VAR_CONFIRMED, ReturnProcess.VAR_CONFIRMATION_NOTE,
			ReturnProcess.VAR_WAREHOUSE_CODE, ReturnProcess.VAR_REFUND_METHOD, ReturnProcess.VAR_REFUND_AMOUNT,
			ReturnProcess.VAR_APPROVER_ID, ReturnProcess.VAR_PROCESSOR_ID, ReturnProcess.VAR_CONFIRMER_ID);

	Kind kind() {
		Boolean yes = switch (this.taskKey) {
			case ReturnProcess.TASK_APPROVE -> flag(this.variables.get(ReturnProcess.VAR_APPROVED));
			case ReturnProcess.TASK_REVISE -> flag(this.variables.get(ReturnProcess.VAR_RESUBMIT));
			case ReturnProcess.TASK_CONFIRM -> flag(this.variables.get(ReturnProcess.VAR_CONFIRMED));
			case ReturnProcess.TASK_PROCESS -> Boolean.TRUE;
			default -> null;
		};
		if (yes == null) {
			return Kind.TASK_COMPLETED;
		}
		return switch (this.taskKey) {
			case ReturnProcess.TASK_APPROVE -> yes ? Kind.APPROVED : Kind.REJECTED;
			case ReturnProcess.TASK_REVISE -> yes ? Kind.RESUBMITTED : Kind.WITHDRAWN;
			case ReturnProcess.TASK_CONFIRM -> yes ? Kind.CONFIRMED : Kind.SENT_BACK;
			default -> Kind.PROCESSED;
		};
	}

	String actor() {
		return string(this.variables.get(actorVariable(this.taskKey)));
	}

	String note() {
		return switch (kind()) {
			case REJECTED -> string(this.variables.get(ReturnProcess.VAR_REJECTION_REASON));
			case SENT_BACK -> string(this.variables.get(ReturnProcess.VAR_CONFIRMATION_NOTE));
			case PROCESSED ->
				"Warehouse %s, refund %s by %s".formatted(string(this.variables.get(ReturnProcess.VAR_WAREHOUSE_CODE)),
						(this.variables.get(ReturnProcess.VAR_REFUND_AMOUNT) != null)
								? money(this.variables.get(ReturnProcess.VAR_REFUND_AMOUNT))
								: "of the value received less any restocking fee",
						refundMethod(this.variables.get(ReturnProcess.VAR_REFUND_METHOD)));
			default -> null;
		};
	}

	private static String actorVariable(String taskKey) {
		return switch (taskKey) {
			case ReturnProcess.TASK_APPROVE -> ReturnProcess.VAR_APPROVER_ID;
			case ReturnProcess.TASK_PROCESS -> ReturnProcess.VAR_PROCESSOR_ID;
			case ReturnProcess.TASK_CONFIRM -> ReturnProcess.VAR_CONFIRMER_ID;
			default -> "";
		};
	}

	private static Boolean flag(Object value) {
		if (value instanceof Boolean bool) {
			return bool;
		}
		if (value instanceof String text && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
			return Boolean.valueOf(text);
		}
		return null;
	}

	private static String string(Object value) {
		return (value != null && !value.toString().isBlank()) ? value.toString().strip() : null;
	}

	private static String money(Object value) {
		try {
			return new BigDecimal(String.valueOf(value).strip()).setScale(2, RoundingMode.HALF_UP).toPlainString();
		}
		catch (NumberFormatException ex) {
			return String.valueOf(value);
		}
	}

	private static String refundMethod(Object value) {
		try {
			return RefundMethod.valueOf(String.valueOf(value).strip()).label();
		}
		catch (IllegalArgumentException ex) {
			return String.valueOf(value);
		}
	}

}
