package io.returnsdesk.notification;

/**
 * What a notification tells.
 */
public enum NotificationKind {

	RETURN_SUBMITTED, APPROVAL_OVERDUE, RETURN_APPROVED, RETURN_REJECTED, RETURN_WITHDRAWN, PROCESSING_REOPENED,
	RETURN_CONFIRMED, REPLACEMENT_SHIPPED

}
