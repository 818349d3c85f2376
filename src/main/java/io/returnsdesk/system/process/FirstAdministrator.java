package io.returnsdesk.system.process;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Outside the demo there is no default password: the first administrator comes from the
 * environment ({@code RETURNS_ADMIN_USER}, {@code RETURNS_ADMIN_PASSWORD}) and is created
 * once, in {@code camunda-admin}; later starts leave the user and the password as the
 * administrators changed them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class FirstAdministrator implements ApplicationRunner {

	static final int MIN_PASSWORD_LENGTH = 12;

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private final IdentityService identity;

	private final String user;

	private final String password;

	FirstAdministrator(IdentityService identity, @Value("${returns.admin.user:}") String user,
			@Value("${returns.admin.password:}") String password) {
		this.identity = identity;
		this.user = user.strip();
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.user.isEmpty()) {
			if (this.identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
				log.warn("No administrator yet: set RETURNS_ADMIN_USER and RETURNS_ADMIN_PASSWORD to create the first");
			}
			return;
		}
		if (this.identity.createUserQuery().userId(this.user).count() > 0) {
			return;
		}
		if (this.password == null || this.password.length() < MIN_PASSWORD_LENGTH) {
			throw new IllegalStateException("RETURNS_ADMIN_PASSWORD must have at least %d characters to create %s"
				.formatted(MIN_PASSWORD_LENGTH, this.user));
		}
		User admin = this.identity.newUser(this.user);
		admin.setFirstName("Administrator");
		admin.setLastName(this.user);
		admin.setPassword(this.password);
		this.identity.saveUser(admin);
		this.identity.createMembership(this.user, Groups.CAMUNDA_ADMIN);
		log.info("Created the first administrator {}", this.user);
	}

}
