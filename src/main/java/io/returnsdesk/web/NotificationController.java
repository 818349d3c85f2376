package io.returnsdesk.web;

import java.time.Instant;
import java.util.Locale;

import io.returnsdesk.catalog.StoreScope;
import io.returnsdesk.notification.MailOutbox.MailPreference;
import io.returnsdesk.notification.MailOutbox;
import io.returnsdesk.notification.MailStatus;
import io.returnsdesk.notification.NotificationView;
import io.returnsdesk.notification.Notifier;
import io.returnsdesk.notification.OutboxMail;
import io.returnsdesk.system.AccessRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.lang.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's notifications and where their e-mail goes; for administrators, the e-mail
 * outbox and queuing a FAILED mail again.
 */
@RestController
@Tag(name = "Notifications")
@RequestMapping("/api/notifications")
class NotificationController {

	private final Notifier notifier;

	private final MailOutbox outbox;

	NotificationController(Notifier notifier, MailOutbox outbox) {
		this.notifier = notifier;
		this.outbox = outbox;
	}

	@Operation(summary = "The logged-in user's notifications and their groups', about their stores, newest first",
			description = "Told in the language of the request (the desk's choice, else Accept-Language).")
	@GetMapping
	PageResponse<NotificationView> mine(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, Authentication user, Locale locale, StoreScope scope) {
		Pageable pageable = Paging.of(page, size);
		return PageResponse.of(this.notifier.inbox(user.getName(), AccessRules.groupsOf(user),
				DeskConfiguration.supported(locale).getLanguage(), scope, pageable));
	}

	@Operation(summary = "Where the logged-in user's e-mail goes, and in which language")
	@GetMapping("/mail")
	MailPreference mail(Authentication user) {
		return this.outbox.preference(user.getName()).orElse(new MailPreference(null, null, true));
	}

	@Operation(summary = "Choose the language of the logged-in user's e-mail: zh or en")
	@PutMapping("/mail")
	MailPreference chooseMailLanguage(@RequestBody LanguageChoice choice, Authentication user) {
		String language = (choice.language() != null) ? choice.language().strip().toLowerCase(Locale.ROOT) : null;
		if (!"zh".equals(language) && !"en".equals(language)) {
			throw new BadRequestException("language",
					"'%s' is not a language of the e-mails; choose zh or en".formatted(shown(choice.language())));
		}
		return this.outbox.chooseLanguage(user.getName(), language);
	}

	@Operation(summary = "The e-mail outbox by status, newest first (administrators)",
			description = "PENDING mails wait to be sent (lastError tells why a try failed), SENT went out, FAILED "
					+ "were given up after the most attempts.")
	@GetMapping("/outbox")
	PageResponse<OutboxRow> outbox(@RequestParam(defaultValue = "FAILED") MailStatus status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		Pageable paging = Paging.of(page, size);
		Pageable newestFirst = PageRequest.of(paging.getPageNumber(), paging.getPageSize(),
				Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id")));
		return PageResponse.of(this.outbox.mails(status, newestFirst).map(OutboxRow::of));
	}

	@Operation(summary = "Queue a FAILED mail again (administrators)",
			description = "Due at once, its attempts counted afresh; 409 for a mail that has not failed.")
	@ApiResponse(responseCode = "200", description = "The mail, queued again")
	@ApiResponse(responseCode = "409", description = "The mail has not failed")
	@PostMapping("/outbox/{id}/requeue")
	OutboxRow requeue(@PathVariable long id) {
		return OutboxRow.of(this.outbox.requeue(id));
	}

	// a value sent back in a message, at most 60 characters of it
	private static String shown(String value) {
		return (value != null && value.length() > 60) ? value.substring(0, 60) + "…" : value;
	}

	record LanguageChoice(@Schema(allowableValues = {
			"zh", "en" }) String language){

	}

	record OutboxRow(Long id, String toAddress, String recipientUser, String language, String subject,
			@Nullable String reference, MailStatus status, int attempts, Instant nextAttemptAt,
			@Nullable String lastError, Instant createdAt, @Nullable Instant sentAt) {

		static OutboxRow of(OutboxMail mail) {
			return new OutboxRow(mail.getId(), mail.getToAddress(), mail.getRecipientUser(), mail.getLanguage(),
					mail.getSubject(), mail.getReference(), mail.getStatus(), mail.getAttempts(),
					mail.getNextAttemptAt(), mail.getLastError(), mail.getCreatedAt(), mail.getSentAt());
		}

	}

}
