package io.returnsdesk.system.process;

import io.returnsdesk.support.IntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The first administrator comes from the environment, once; a weak password is refused.
 */
@IntegrationTest
@TestPropertySource(properties = { "returns.admin.user=chief", "returns.admin.password=correct horse battery" })
class FirstAdministratorIntegrationTest {

	@Autowired
	IdentityService identity;

	@Autowired
	FirstAdministrator first;

	@Test
	void createsTheAdministratorFromTheEnvironmentOnceAndLeavesItThen() {
		assertThat(this.identity.createUserQuery().userId("chief").memberOfGroup(Groups.CAMUNDA_ADMIN).count())
			.isEqualTo(1);
		assertThat(this.identity.checkPassword("chief", "correct horse battery")).isTrue();

		User chief = this.identity.createUserQuery().userId("chief").singleResult();
		chief.setPassword("changed by the administrator");
		this.identity.saveUser(chief);
		this.first.run(new DefaultApplicationArguments());
		assertThat(this.identity.checkPassword("chief", "changed by the administrator")).isTrue();
	}

	@Test
	void refusesToCreateAnAdministratorWithAWeakPassword() {
		FirstAdministrator weak = new FirstAdministrator(this.identity, "newchief", "demo");
		assertThatThrownBy(() -> weak.run(new DefaultApplicationArguments()))
			.hasMessage("RETURNS_ADMIN_PASSWORD must have at least 12 characters to create newchief");
		assertThat(this.identity.createUserQuery().userId("newchief").count()).isZero();
	}

}
