package io.returnsdesk.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.returnsdesk.catalog.StoreScope;
import io.returnsdesk.notification.MailTemplates.MailText;
import io.returnsdesk.notification.internal.MailDirectory;
import io.returnsdesk.notification.internal.MailDirectory.Addressee;
import io.returnsdesk.notification.internal.MailSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records notifications in the caller's transaction, and with them one e-mail per
 * recipient address in the outbox: a step that rolls back notifies nobody and mails
 * nothing; the outbox's relay sends after the commit.
 */
@Service
public class Notifier {

	private static final Logger log = LoggerFactory.getLogger(Notifier.class);

	private static final TypeReference<Map<String, Object>> FACTS = new TypeReference<>() {
	};

	private final NotificationRepository notifications;

	private final OutboxMails outbox;

	private final MailDirectory directory;

	private final MailTemplates templates;

	private final MailSettings settings;

	private final ObjectMapper json;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Notifier(NotificationRepository notifications, OutboxMails outbox, MailDirectory directory, MailTemplates templates,
			MailSettings settings, ObjectMapper json, ApplicationEventPublisher events, Clock clock) {
		this.notifications = notifications;
		this.outbox = outbox;
		this.directory = directory;
		this.templates = templates;
		this.settings = settings;
		this.json = json;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Tells each recipient the news of a kind about a document, written from the kind's
	 * template in each reader's language; the facts (text, numbers, lists of such) fill
	 * the template in.
	 */
	@Transactional
	public void notify(List<Recipient> recipients, NotificationKind kind, String reference, Map<String, ?> facts) {
		notify(recipients, kind, reference, null, facts);
	}

	/**
	 * Tells the news as {@link #notify(List, NotificationKind, String, Map)} about a
	 * document of a store: users bound to other stores do not read it.
	 */
	@Transactional
	public void notify(List<Recipient> recipients, NotificationKind kind, String reference, String storeCode,
			Map<String, ?> facts) {
		Map<String, MailText> texts = new HashMap<>();
		Function<String, MailText> inLanguage = (language) -> texts.computeIfAbsent(language,
				(chosen) -> this.templates.render(kind, chosen, facts));
		record(recipients, kind, reference, storeCode, write(facts), inLanguage);
	}

	/**
	 * Tells each recipient the same news in the words given, whatever their language; for
	 * news without a template.
	 */
	@Transactional
	public void notify(List<Recipient> recipients, NotificationKind kind, String reference, String subject,
			String body) {
		MailText text = new MailText(subject, body);
		record(recipients, kind, reference, null, null, (language) -> text);
	}

	private void record(List<Recipient> recipients, NotificationKind kind, String reference, String storeCode,
			String facts, Function<String, MailText> text) {
		Instant now = this.clock.instant();
		MailText stored = text.apply(this.settings.defaultLanguage());
		// an address reached through several recipients (the requester, and the group
		// they are in) gets the news once
		Map<String, OutboxMail> mails = new LinkedHashMap<>();
		for (Recipient recipient : recipients) {
			Notification notification = this.notifications.save(new Notification(recipient.user(), recipient.group(),
					kind, Texts.cut(Texts.oneLine(stored.subject()), OutboxMail.MAX_SUBJECT),
					Texts.cut(stored.body(), Notification.MAX_BODY), reference, storeCode, now, facts));
			for (Addressee addressee : this.directory.addressees(recipient, storeCode)) {
				String language = this.settings.language(addressee.language());
				MailText mail = text.apply(language);
				mails.putIfAbsent(addressee.email().toLowerCase(Locale.ROOT), new OutboxMail(notification.getId(),
						addressee.email(), addressee.user(), language, mail.subject(), mail.body(), reference, now));
			}
		}
		if (mails.isEmpty()) {
			log.debug("{} about {}: no recipient has an e-mail address; told on the desk only", kind, reference);
			return;
		}
		this.outbox.saveAll(mails.values());
		// the relay may send at once, once this transaction has committed
		this.events.publishEvent(new MailQueued(mails.size()));
	}

	/**
	 * Facts for a template from names and values in turn; a value may be null (the
	 * template shows nothing for it).
	 */
	public static Map<String, Object> facts(Object... namesAndValues) {
		if (namesAndValues.length % 2 != 0) {
			throw new IllegalArgumentException("Facts come as names and values in turn");
		}
		Map<String, Object> facts = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			facts.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return facts;
	}

	/** The notifications about a document, oldest first. */
	@Transactional(readOnly = true)
	public List<Notification> about(String reference) {
		return this.notifications.findByReferenceOrderById(reference);
	}

	/**
	 * A user's notifications, their own and their groups', newest first, told in the
	 * given language ({@code zh} or {@code en}).
	 */
	@Transactional(readOnly = true)
	public Page<NotificationView> inbox(String user, Collection<String> groups, String language, Pageable pageable) {
		return inbox(user, groups, language, StoreScope.everyStore(), pageable);
	}

	/**
	 * A user's notifications as {@link #inbox(String, Collection, String, Pageable)},
	 * about their stores only: not another store's returns, even in their groups' news.
	 */
	@Transactional(readOnly = true)
	public Page<NotificationView> inbox(String user, Collection<String> groups, String language, StoreScope scope,
			Pageable pageable) {
		// an empty list would not be valid SQL: a group no one can be in stands for none
		Collection<String> anyGroup = groups.isEmpty() ? List.of("") : groups;
		String chosen = this.settings.language(language);
		return this.notifications.inbox(user, anyGroup, scope.isEveryStore(), scope.queryStores(), pageable)
			.map((notification) -> view(notification, chosen));
	}

	private NotificationView view(Notification notification, String language) {
		String subject = notification.getSubject();
		String body = notification.getBody();
		Map<String, Object> facts = read(notification.getFacts());
		if (facts != null) {
			MailText text = this.templates.render(notification.getKind(), language, facts);
			subject = text.subject();
			body = text.body();
		}
		return new NotificationView(notification.getId(), notification.getKind(), notification.getReference(),
				notification.getRecipientUser(), notification.getRecipientGroup(), subject, body,
				notification.getCreatedAt());
	}

	private String write(Map<String, ?> facts) {
		try {
			String written = this.json.writeValueAsString((facts != null) ? facts : Map.of());
			if (written.length() > Notification.MAX_FACTS) {
				// too long to keep: the desk shows the text as written in the default
				// language
				return null;
			}
			return written;
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("The facts of a notification must be text, numbers or lists", ex);
		}
	}

	private Map<String, Object> read(String facts) {
		if (facts == null) {
			return null;
		}
		try {
			return this.json.readValue(facts, FACTS);
		}
		catch (JsonProcessingException ex) {
			log.warn("Notification facts that do not read as JSON: {}", ex.getOriginalMessage());
			return null;
		}
	}

	/** Mails were queued in the current transaction. */
	record MailQueued(int count) {

	}

}
