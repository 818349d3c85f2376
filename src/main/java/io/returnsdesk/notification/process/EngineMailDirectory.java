package io.returnsdesk.notification.process;

import java.util.List;
import java.util.Optional;

import io.returnsdesk.catalog.StoreScope;
import io.returnsdesk.engine.EngineCommands;
import io.returnsdesk.engine.EngineIdentityTables;
import io.returnsdesk.engine.EngineIdentityTables.Member;
import io.returnsdesk.notification.Recipient;
import io.returnsdesk.notification.internal.MailDirectory;
import io.returnsdesk.notification.internal.MailSettings;
import org.camunda.bpm.engine.IdentityService;

import org.springframework.stereotype.Service;

/**
 * The engine's users are the people who get mail: their e-mail address as kept in Camunda
 * Admin, and their language as the user info entry {@value #LANGUAGE} ({@code zh} or
 * {@code en}). Read in one query per recipient, whatever the number of members (the
 * engine's identity service reads each member's groups and language apart); written as
 * the application, since the step that notifies runs as whoever completed the task, who
 * may not write other users.
 */
@Service
class EngineMailDirectory implements MailDirectory {

	/** The user info key of a user's mail language. */
	static final String LANGUAGE = "language";

	private final IdentityService identity;

	private final EngineCommands engine;

	private final EngineIdentityTables tables;

	EngineMailDirectory(IdentityService identity, EngineCommands engine, EngineIdentityTables tables) {
		this.identity = identity;
		this.engine = engine;
		this.tables = tables;
	}

	@Override
	public List<Addressee> addressees(Recipient recipient, String storeCode) {
		List<Member> members = (recipient.user() != null)
				? this.tables.user(recipient.user(), LANGUAGE, StoreScope.GROUP_TYPE)
				: this.tables.membersOf(recipient.group(), LANGUAGE, StoreScope.GROUP_TYPE);
		return members.stream()
			.filter((member) -> member.email() != null && !member.email().isBlank())
			.filter((member) -> storeCode == null || worksFor(member, storeCode))
			.map(EngineMailDirectory::addressee)
			.toList();
	}

	/** Whether the user is in the store's group, or in no store's: the head office. */
	private static boolean worksFor(Member member, String storeCode) {
		return member.groupsOfType().isEmpty() || member.groupsOfType().contains(StoreScope.groupOf(storeCode));
	}

	@Override
	public Optional<Addressee> person(String userId) {
		return this.tables.user(userId, LANGUAGE, StoreScope.GROUP_TYPE)
			.stream()
			.findFirst()
			.map(EngineMailDirectory::addressee);
	}

	@Override
	public void chooseLanguage(String userId, String language) {
		if (!MailSettings.LANGUAGES.contains(language)) {
			throw new IllegalArgumentException("'%s' is not a language mails are written in".formatted(language));
		}
		this.engine.asTheApplication(() -> this.identity.setUserInfo(userId, LANGUAGE, language));
	}

	private static Addressee addressee(Member member) {
		String email = (member.email() != null && !member.email().isBlank()) ? member.email().strip() : null;
		return new Addressee(member.id(), email, member.info());
	}

}
