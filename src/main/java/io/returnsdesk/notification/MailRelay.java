package io.returnsdesk.notification;

import java.io.UnsupportedEncodingException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.returnsdesk.notification.internal.MailSettings;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox's due mails: claims a batch (locking its rows, skipping rows another
 * relay holds), sends it over one SMTP connection and marks each mail in the same
 * transaction. A mail the server refuses is tried again later, waiting longer each time,
 * and is FAILED after the most attempts; while the server cannot be reached nothing is
 * counted against the mails, which go out once it is back. A crash after the server took
 * a mail and before the commit sends that mail again: the {@code Message-ID} stays the
 * same, so a receiver can tell.
 */
@Component
class MailRelay {

	private static final Logger log = LoggerFactory.getLogger(MailRelay.class);

	/** The system property that names Jakarta Mail's stream provider. */
	static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

	static {
		// Jakarta Mail looks its stream provider up through ServiceLoader, reading
		// the class path, each time it encodes or decodes a header or a body
		// (jakartaee/mail-api#861): 0.25 ms for each Chinese subject on a class path
		// of three jars, half of the relay's time in the benchmark. Named, the
		// provider is a constructor call (5 µs).
		if (System.getProperty(STREAM_PROVIDER) == null) {
			System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
		}
	}

	private final OutboxMails outbox;

	private final ObjectProvider<JavaMailSender> senders;

	private final TransactionTemplate transaction;

	private final MailSettings settings;

	private final Clock clock;

	private final InternetAddress from;

	private final String messageIdDomain;

	/** Since when the server could not be reached, or null while it can. */
	private Instant unavailableSince;

	MailRelay(OutboxMails outbox, ObjectProvider<JavaMailSender> senders, PlatformTransactionManager transactions,
			MailSettings settings, Clock clock) {
		this.outbox = outbox;
		this.senders = senders;
		this.transaction = new TransactionTemplate(transactions);
		this.settings = settings;
		this.clock = clock;
		try {
			InternetAddress parsed = new InternetAddress(settings.from(), true);
			// a name in Chinese goes out encoded (RFC 2047)
			this.from = new InternetAddress(parsed.getAddress(), parsed.getPersonal(), "UTF-8");
		}
		catch (AddressException | UnsupportedEncodingException ex) {
			throw new IllegalArgumentException("returns.mail.from is not an e-mail address: " + settings.from(), ex);
		}
		String address = this.from.getAddress();
		this.messageIdDomain = address.substring(address.indexOf('@') + 1);
	}

	/**
	 * Sends the mails that are due, a batch at a time, until none is due or the server
	 * cannot be reached.
	 * @return how many mails the server took
	 */
	int sendDue() {
		int sent = 0;
		while (true) {
			Batch batch = this.transaction.execute((status) -> sendBatch());
			sent += batch.sent();
			if (batch.claimed() < this.settings.batchSize() || batch.serverUnavailable()) {
				return sent;
			}
		}
	}

	/** The {@code Message-ID} of a mail: the same whenever it is sent. */
	String messageId(OutboxMail mail) {
		return "<returns-desk.mail-%d.notification-%d@%s>".formatted(mail.getId(), mail.getNotificationId(),
				this.messageIdDomain);
	}

	private Batch sendBatch() {
		Instant now = this.clock.instant();
		List<OutboxMail> claimed = this.outbox.claimDue(now, this.settings.batchSize());
		if (claimed.isEmpty()) {
			return new Batch(0, 0, false);
		}
		JavaMailSender sender = this.senders.getIfAvailable();
		if (sender == null) {
			unavailable("no mail server is configured (spring.mail.host)", claimed.size());
			claimed.forEach((mail) -> mail.serverUnavailable("No mail server is configured (spring.mail.host)"));
			return new Batch(claimed.size(), 0, true);
		}
		Map<MimeMessage, OutboxMail> messages = new IdentityHashMap<>();
		List<MimeMessage> toSend = new ArrayList<>();
		for (OutboxMail mail : claimed) {
			try {
				MimeMessage message = message(sender, mail, now);
				messages.put(message, mail);
				toSend.add(message);
			}
			catch (MessagingException | UnsupportedEncodingException | RuntimeException ex) {
				// an address that is no address: the server is never asked
				failed(mail, ex, now);
			}
		}
		Map<Object, Exception> failures = Map.of();
		MailException failure = null;
		if (!toSend.isEmpty()) {
			try {
				sender.send(toSend.toArray(MimeMessage[]::new));
			}
			catch (MailException ex) {
				failure = ex;
				failures = (ex instanceof MailSendException send) ? send.getFailedMessages() : Map.of();
			}
		}
		int sent = 0;
		Exception unreachable = null;
		for (MimeMessage message : toSend) {
			OutboxMail mail = messages.get(message);
			Exception error = failures.get(message);
			if (error == null && failure != null && failures.isEmpty()) {
				// the sender failed as a whole, without telling which message
				error = failure;
			}
			if (error == null) {
				mail.sent(now);
				sent++;
			}
			else if (unreachable(error)) {
				mail.serverUnavailable("The mail server could not be reached: " + describe(error));
				unreachable = error;
			}
			else {
				failed(mail, error, now);
			}
		}
		if (unreachable != null) {
			unavailable(describe(unreachable), this.outbox.countByStatus(MailStatus.PENDING));
		}
		else if (sent > 0) {
			available();
		}
		return new Batch(claimed.size(), sent, unreachable != null);
	}

	private MimeMessage message(JavaMailSender sender, OutboxMail mail, Instant now)
			throws MessagingException, UnsupportedEncodingException {
		MimeMessage message = sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
		helper.setFrom(this.from);
		helper.setTo(new InternetAddress(mail.getToAddress(), true));
		helper.setSubject(mail.getSubject());
		helper.setText(mail.getBody(), false);
		helper.setSentDate(Date.from(now));
		message.setHeader("Message-ID", messageId(mail));
		message.setHeader("Content-Language", mail.getLanguage());
		// no out-of-office answers to a machine (RFC 3834)
		message.setHeader("Auto-Submitted", "auto-generated");
		if (mail.getReference() != null) {
			message.setHeader("X-Returns-Desk-Reference", mail.getReference());
		}
		return message;
	}

	private void failed(OutboxMail mail, Exception error, Instant now) {
		mail.attemptFailed(describe(error), now, this.settings.maxAttempts(),
				this.settings.retryAfter(mail.getAttempts() + 1));
		if (mail.getStatus() == MailStatus.FAILED) {
			log.warn("Mail {} to {} about {} FAILED after {} attempts: {}", mail.getId(), mail.getToAddress(),
					mail.getReference(), mail.getAttempts(), mail.getLastError());
		}
		else {
			log.info("Mail {} to {} about {} not sent (attempt {}), next at {}: {}", mail.getId(), mail.getToAddress(),
					mail.getReference(), mail.getAttempts(), mail.getNextAttemptAt(), mail.getLastError());
		}
	}

	// one warning when the server goes away, one line when it is back: not one per mail
	private synchronized void unavailable(String error, long waiting) {
		if (this.unavailableSince == null) {
			this.unavailableSince = this.clock.instant();
			log.warn("The mail server cannot be reached ({}); {} mail(s) wait in the outbox and go out once it is back",
					error, waiting);
		}
		else {
			log.debug("The mail server still cannot be reached: {}", error);
		}
	}

	private synchronized void available() {
		if (this.unavailableSince != null) {
			log.info("The mail server can be reached again (unreachable since {})", this.unavailableSince);
			this.unavailableSince = null;
		}
	}

	/**
	 * Whether an error tells that the server could not be reached or would not let us in,
	 * rather than that it refused this mail.
	 */
	private static boolean unreachable(Throwable error) {
		for (Throwable cause = error; cause != null; cause = next(cause)) {
			if (cause instanceof MailAuthenticationException || cause instanceof AuthenticationFailedException
					|| cause instanceof SocketException || cause instanceof SocketTimeoutException
					|| cause instanceof UnknownHostException) {
				return true;
			}
		}
		return false;
	}

	private static Throwable next(Throwable error) {
		Throwable cause = (error instanceof MessagingException messaging && messaging.getNextException() != null)
				? messaging.getNextException() : error.getCause();
		return (cause != error) ? cause : null;
	}

	private static String describe(Throwable error) {
		if (error == null) {
			return "";
		}
		StringBuilder text = new StringBuilder();
		for (Throwable cause = error; cause != null; cause = next(cause)) {
			String message = (cause.getMessage() != null) ? cause.getMessage().strip()
					: cause.getClass().getSimpleName();
			if (!text.toString().contains(message)) {
				text.append((text.length() > 0) ? "; " : "").append(message);
			}
		}
		return text.toString();
	}

	/** What one claim did. */
	private record Batch(int claimed, int sent, boolean serverUnavailable) {

	}

}
