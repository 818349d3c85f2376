package io.returnsdesk.notification;

/**
 * Who a notification goes to: one user, or every member of a group.
 */
public record Recipient(String user, String group) {

	public static Recipient user(String userId) {
		return new Recipient(userId, null);
	}

	public static Recipient group(String groupId) {
		return new Recipient(null, groupId);
	}

}
