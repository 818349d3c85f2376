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

	/**
	 * How long an approval may wait before the approvers are reminded, as ISO 8601 for
	 * the timer.
	 */
	public String getApprovalReminder() {
		return this.approvalReminder.toString();
	}

	public void setApprovalReminder(Duration approvalReminder) {
		this.approvalReminder = approvalReminder;
	}

}
