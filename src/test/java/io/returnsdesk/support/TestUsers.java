package io.returnsdesk.support;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

import org.springframework.stereotype.Component;

/**
 * The engine's users that tests log in as: created once per database, in their groups,
 * and left alone when they exist (a test database is shared by the test classes).
 */
@Component
public class TestUsers {

	/** The password of the tests' users, unless a test says otherwise. */
	public static final String PASSWORD = "secret";

	private final IdentityService identity;

	TestUsers(IdentityService identity) {
		this.identity = identity;
	}

	/** A user with the password, member of the groups. */
	public void ensure(String id, String password, String... groups) {
		create(id, null, null, null, password, groups);
	}

	/** A user with a name that Tasklist shows, the password, member of the groups. */
	public void named(String id, String firstName, String lastName, String password, String... groups) {
		create(id, firstName, lastName, null, password, groups);
	}

	/**
	 * A user with an e-mail address that notifications are sent to (none where null), the
	 * password, member of the groups.
	 */
	public void withEmail(String id, String email, String password, String... groups) {
		create(id, null, null, email, password, groups);
	}

	/**
	 * Does the work as the user, a member of the groups, logged in to the engine as
	 * Tasklist would have them: the engine checks what they may do and records who did
	 * it.
	 */
	public void actingAs(String user, List<String> groups, Runnable work) {
		this.identity.setAuthentication(user, groups);
		try {
			work.run();
		}
		finally {
			this.identity.clearAuthentication();
		}
	}

	private void create(String id, String firstName, String lastName, String email, String password, String... groups) {
		if (this.identity.createUserQuery().userId(id).count() > 0) {
			return;
		}
		User user = this.identity.newUser(id);
		user.setFirstName(firstName);
		user.setLastName(lastName);
		user.setEmail(email);
		user.setPassword(password);
		this.identity.saveUser(user);
		for (String group : groups) {
			if (this.identity.createGroupQuery().groupId(group).count() == 0) {
				this.identity.saveGroup(this.identity.newGroup(group));
			}
			this.identity.createMembership(id, group);
		}
	}

}
