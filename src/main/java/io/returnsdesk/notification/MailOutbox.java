package io.returnsdesk.notification;

import java.time.Clock;
import java.util.Optional;

import io.returnsdesk.notification.internal.MailDirectory.Addressee;
import io.returnsdesk.notification.internal.MailDirectory;
import io.returnsdesk.notification.internal.MailSettings;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox as people see it: an administrator lists mails by status and queues a FAILED
 * one again; a user reads where their mail goes and chooses its language.
 */
@Service
public class MailOutbox {

	private final OutboxMails mails;

	private final MailDirectory directory;

	private final MailSettings settings;

	private final Clock clock;

	MailOutbox(OutboxMails mails, MailDirectory directory, MailSettings settings, Clock clock) {
		this.mails = mails;
		this.directory = directory;
		this.settings = settings;
		this.clock = clock;
	}

	/** The mails of a status, newest first as the pageable sorts them. */
	@Transactional(readOnly = true)
	public Page<OutboxMail> mails(MailStatus status, Pageable pageable) {
		return this.mails.findByStatus(status, pageable);
	}

	/**
	 * Queues a FAILED mail again, due at once and with its attempts counted afresh.
	 * @throws MailNotFoundException when there is no such mail
	 * @throws MailStateException when the mail has not FAILED
	 */
	@Transactional
	public OutboxMail requeue(long id) {
		OutboxMail mail = this.mails.findById(id).orElseThrow(() -> new MailNotFoundException(id));
		if (mail.getStatus() != MailStatus.FAILED) {
			throw new MailStateException(
					"Mail %d is %s; only a FAILED mail can be queued again".formatted(id, mail.getStatus()));
		}
		mail.requeue(this.clock.instant());
		return mail;
	}

	/** Where a user's mail goes and in which language; empty for an unknown user. */
	public Optional<MailPreference> preference(String user) {
		return this.directory.person(user).map(this::preference);
	}

	/**
	 * Records the language a user reads mail in.
	 * @throws IllegalArgumentException when it is not {@code zh} or {@code en}
	 */
	public MailPreference chooseLanguage(String user, String language) {
		if (language == null || !MailSettings.LANGUAGES.contains(language)) {
			throw new IllegalArgumentException(
					"'%s' is not a language of the mails; choose zh or en".formatted(language));
		}
		this.directory.chooseLanguage(user, language);
		return preference(user).orElseThrow();
	}

	private MailPreference preference(Addressee person) {
		return new MailPreference(person.email(), this.settings.language(person.language()), person.language() == null);
	}

	/**
	 * Where a user's mail goes.
	 *
	 * @param email the address, or null when the user has none (and gets no mail)
	 * @param language the language of the user's mails
	 * @param defaultLanguage whether that is the default, the user having chosen none
	 */
	public record MailPreference(@Nullable String email, @Nullable String language, boolean defaultLanguage) {

	}

}
