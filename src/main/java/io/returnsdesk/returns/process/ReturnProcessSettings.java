package io.returnsdesk.returns.process;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Settings the return process reads through {@code ${returnProcessSettings…}}, bound from
 * {@code returns.process.*}.
 */
@Component("returnProcessSettings")
@ConfigurationProperties("returns.process")
public class ReturnProcessSettings {

	private Duration approvalReminder = Duration.ofDays(2);

	private Duration revisionDue = Duration.ofDays(7);

	private Duration processingDue = Duration.ofDays(3);

	private Duration confirmationDue = Duration.ofDays(2);

	/**
	 * How long an approval may wait before the approvers are reminded, as ISO 8601 for
	 * the timer; the approval is due then.
	 */
	public String getApprovalReminder() {
		return this.approvalReminder.toString();
	}

	public void setApprovalReminder(Duration approvalReminder) {
		this.approvalReminder = approvalReminder;
	}

	/**
	 * How long after its creation a user task of the return process is due, as its model
	 * says; {@code null} for a task of no step here.
	 */
	Duration dueAfter(String taskKey) {
		return switch (taskKey) {
			case ReturnProcess.TASK_APPROVE -> this.approvalReminder;
			case ReturnProcess.TASK_REVISE -> this.revisionDue;
			case ReturnProcess.TASK_PROCESS -> this.processingDue;
			case ReturnProcess.TASK_CONFIRM -> this.confirmationDue;
			default -> null;
		};
	}

	/** When a rejected request is due to be revised or withdrawn, after the rejection. */
	public String getRevisionDue() {
		return this.revisionDue.toString();
	}

	public void setRevisionDue(Duration revisionDue) {
		this.revisionDue = revisionDue;
	}

	/** When an approved return is due to be processed by the warehouse. */
	public String getProcessingDue() {
		return this.processingDue.toString();
	}

	public void setProcessingDue(Duration processingDue) {
		this.processingDue = processingDue;
	}

	/** When a processed return is due to be confirmed by finance. */
	public String getConfirmationDue() {
		return this.confirmationDue.toString();
	}

	public void setConfirmationDue(Duration confirmationDue) {
		this.confirmationDue = confirmationDue;
	}

}
