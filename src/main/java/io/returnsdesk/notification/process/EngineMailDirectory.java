package io.returnsdesk.notification.process;

import java.util.List;
import java.util.Optional;

import io.returnsdesk.catalog.StoreScope;
import io.returnsdesk.engine.EngineCommands;
import io.returnsdesk.notification.Recipient;
import io.returnsdesk.notification.internal.MailDirectory;
import io.returnsdesk.notification.internal.MailSettings;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

import org.springframework.stereotype.Service;

/**
 * The engine's users are the people who get mail: their e-mail address as kept in Camunda
 * Admin, and their language as the user info entry {@value #LANGUAGE} ({@code zh} or
 * {@code en}). Read and written as the application, since the step that notifies runs as
 * whoever completed the task, who may not read other users.
 */
@Service
class EngineMailDirectory implements MailDirectory {

	/** The user info key of a user's mail language. */
	static final String LANGUAGE = "language";

	private final IdentityService identity;

	private final EngineCommands engine;

	EngineMailDirectory(IdentityService identity, EngineCommands engine) {
		this.identity = identity;
		this.engine = engine;
	}

	@Override
	public List<Addressee> addressees(Recipient recipient, String storeCode) {
		return this.engine.asTheApplication(() -> {
			List<User> users = (recipient.user() != null)
					? this.identity.createUserQuery().userId(recipient.user()).list()
					: this.identity.createUserQuery().memberOfGroup(recipient.group()).orderByUserId().asc().list();
			return users.stream()
				.filter((user) -> user.getEmail() != null && !user.getEmail().isBlank())
				.filter((user) -> storeCode == null || worksFor(user, storeCode))
				.map(this::addressee)
				.toList();
		});
	}

	/** Whether the user is in the store's group, or in no store's: the head office. */
	private boolean worksFor(User user, String storeCode) {
		List<String> stores = this.identity.createGroupQuery()
			.groupMember(user.getId())
			.groupType(StoreScope.GROUP_TYPE)
			.list()
			.stream()
			.map(Group::getId)
			.toList();
		return stores.isEmpty() || stores.contains(StoreScope.groupOf(storeCode));
	}

	@Override
	public Optional<Addressee> person(String userId) {
		return this.engine
			.asTheApplication(() -> Optional.ofNullable(this.identity.createUserQuery().userId(userId).singleResult())
				.map(this::addressee));
	}

	@Override
	public void chooseLanguage(String userId, String language) {
		if (!MailSettings.LANGUAGES.contains(language)) {
			throw new IllegalArgumentException("'%s' is not a language mails are written in".formatted(language));
		}
		this.engine.asTheApplication(() -> this.identity.setUserInfo(userId, LANGUAGE, language));
	}

	private Addressee addressee(User user) {
		String email = (user.getEmail() != null && !user.getEmail().isBlank()) ? user.getEmail().strip() : null;
		return new Addressee(user.getId(), email, this.identity.getUserInfo(user.getId(), LANGUAGE));
	}

}
