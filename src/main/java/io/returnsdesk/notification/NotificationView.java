package io.returnsdesk.notification;

import java.time.Instant;

import org.springframework.lang.Nullable;

/**
 * A notification as its reader sees it, in the reader's language.
 *
 * @param recipientUser the user it was sent to, or null when it went to a group
 * @param recipientGroup the group it was sent to, or null when it went to a user
 */
public record NotificationView(Long id, NotificationKind kind, @Nullable String reference,
		@Nullable String recipientUser, @Nullable String recipientGroup, String subject, String body,
		Instant createdAt) {

}
