package io.returnsdesk.notification.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the e-mail that notifications send; the SMTP server itself is
 * {@code spring.mail.*}.
 *
 * @param enabled whether this node sends the outbox's mails in the background; the outbox
 * is written either way, and what waits goes out once it is on
 * @param from the sender of every mail, e.g.
 * {@code 退货管理 Returns desk <returns@shop.example>}
 * @param pollInterval how often the outbox is looked at for mails that are due
 * @param batchSize how many mails one claim takes (and one SMTP connection sends)
 * @param maxAttempts after this many failed tries a mail is FAILED and waits for an
 * administrator
 * @param firstRetry the wait after the first failed try; it doubles with every further
 * one
 * @param maxRetry the longest wait between two tries
 * @param defaultLanguage {@code zh} or {@code en}: the language of users who have not
 * chosen one, and of what the notification table keeps
 * @param deskUrl where the desk is, for the links in the mails
 */
@ConfigurationProperties("returns.mail")
public record MailSettings(@DefaultValue("false") boolean enabled,
		@DefaultValue("Returns desk <returns-desk@localhost>") String from, @DefaultValue("10s") Duration pollInterval,
		@DefaultValue("20") int batchSize, @DefaultValue("10") int maxAttempts,
		@DefaultValue("30s") Duration firstRetry, @DefaultValue("1h") Duration maxRetry,
		@DefaultValue("zh") String defaultLanguage, @DefaultValue("http://localhost:8080") String deskUrl) {

	/** The languages mails are written in. */
	public static final Set<String> LANGUAGES = Set.of("zh", "en");

	public MailSettings {
		if (batchSize < 1) {
			throw new IllegalArgumentException("returns.mail.batch-size must be 1 or more, not " + batchSize);
		}
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("returns.mail.max-attempts must be 1 or more, not " + maxAttempts);
		}
		if (firstRetry.isNegative() || firstRetry.isZero() || maxRetry.compareTo(firstRetry) < 0) {
			throw new IllegalArgumentException(
					"returns.mail.first-retry must be positive and returns.mail.max-retry no shorter");
		}
		if (!LANGUAGES.contains(defaultLanguage)) {
			throw new IllegalArgumentException(
					"returns.mail.default-language must be zh or en, not '%s'".formatted(defaultLanguage));
		}
		deskUrl = deskUrl.endsWith("/") ? deskUrl.substring(0, deskUrl.length() - 1) : deskUrl;
	}

	/**
	 * The wait before the next try after the given number of failed ones: the first
	 * retry, doubled for each further failure, at most the longest wait.
	 */
	public Duration retryAfter(int failedAttempts) {
		Duration wait = this.firstRetry;
		for (int i = 1; i < failedAttempts && wait.compareTo(this.maxRetry) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(this.maxRetry) > 0) ? this.maxRetry : wait;
	}

	/** A language mails are written in, or the default for anything else. */
	public String language(String requested) {
		if (requested == null) {
			return this.defaultLanguage;
		}
		String language = requested.strip().toLowerCase(Locale.ROOT);
		if (language.startsWith("zh")) {
			return "zh";
		}
		if (language.startsWith("en")) {
			return "en";
		}
		return this.defaultLanguage;
	}

}
