package io.returnsdesk.returns.internal;

import io.returnsdesk.returns.ReturnReason;
import io.returnsdesk.returns.ReturnRuleViolation;

/**
 * A return says why: its reason's detail is text a person can read, at most
 * {@value #MAX_DETAIL_LENGTH} characters, and required when the reason is "other".
 */
public final class ReasonExplained {

	/** The longest detail of a reason. */
	public static final int MAX_DETAIL_LENGTH = 2000;

	private ReasonExplained() {
	}

	/** The detail as kept (stripped, null when empty); throws when it breaks the rule. */
	public static String detail(ReturnReason reason, String detail) {
		String stripped = (detail != null) ? detail.strip() : null;
		if (stripped != null) {
			ClientText.requireVisible("reasonDetail", "The reason detail", stripped, true);
		}
		if (reason == ReturnReason.OTHER && (stripped == null || stripped.isEmpty())) {
			throw new ReturnRuleViolation("reasonDetail", "Describe the reason when it is 'other'");
		}
		if (stripped != null && stripped.length() > MAX_DETAIL_LENGTH) {
			throw new ReturnRuleViolation("reasonDetail",
					"The reason detail is longer than %d characters".formatted(MAX_DETAIL_LENGTH));
		}
		return (stripped == null || stripped.isEmpty()) ? null : stripped;
	}

}
