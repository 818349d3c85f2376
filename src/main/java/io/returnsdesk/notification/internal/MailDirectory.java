package io.returnsdesk.notification.internal;

import java.util.List;
import java.util.Optional;

import io.returnsdesk.notification.Recipient;

/**
 * Who reads mail where: the e-mail addresses and languages of users and of the members of
 * groups; implemented where the engine's users are known.
 */
public interface MailDirectory {

	/**
	 * The people a recipient stands for (the user, or every member of the group) who have
	 * an e-mail address and work for the store (any, where it is null): news of a store's
	 * return is not mailed to members bound to other stores.
	 */
	List<Addressee> addressees(Recipient recipient, String storeCode);

	/** A user's address and language, when the user exists. */
	Optional<Addressee> person(String userId);

	/** Records the language a user reads mail in: {@code zh} or {@code en}. */
	void chooseLanguage(String userId, String language);

	/**
	 * A person who reads mail.
	 *
	 * @param user the user's id
	 * @param email the address, or null when the user has none
	 * @param language the language the user chose, or null for the default
	 */
	record Addressee(String user, String email, String language) {

	}

}
