package io.returnsdesk.notification.process;

import java.util.List;

import io.returnsdesk.catalog.StoreScope;
import io.returnsdesk.notification.Recipient;
import io.returnsdesk.notification.internal.MailDirectory;
import io.returnsdesk.notification.internal.MailDirectory.Addressee;
import io.returnsdesk.support.IntegrationTest;
import io.returnsdesk.support.TestUsers;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who a notification is mailed to, as Camunda Admin keeps the users: the members of the
 * group with an address, those bound to another store left out, each with the language
 * they chose.
 */
@IntegrationTest
class EngineMailDirectoryIntegrationTest {

	private static final String TEAM = "dirteam";

	@Autowired
	private MailDirectory directory;

	@Autowired
	private TestUsers users;

	@Autowired
	private IdentityService identity;

	@BeforeEach
	void team() {
		storeGroup("DM1");
		storeGroup("DM2");
		// bound to store DM1, reads Chinese
		this.users.withEmail("dirann", " ann@example.com ", TestUsers.PASSWORD, TEAM, StoreScope.groupOf("DM1"));
		this.directory.chooseLanguage("dirann", "zh");
		// the head office: in no store's group
		this.users.withEmail("dirbob", "bob@example.com", TestUsers.PASSWORD, TEAM, "sales");
		// no address
		this.users.withEmail("dircat", null, TestUsers.PASSWORD, TEAM);
		// bound to store DM2, and to DM1 as well
		this.users.withEmail("dirdan", "dan@example.com", TestUsers.PASSWORD, TEAM, StoreScope.groupOf("DM2"));
		this.users.withEmail("direve", "eve@example.com", TestUsers.PASSWORD, TEAM, StoreScope.groupOf("DM2"),
				StoreScope.groupOf("DM1"));
	}

	@Test
	void aGroupIsMailedAtTheAddressesOfItsMembersWhoWorkForTheStore() {
		assertThat(this.directory.addressees(Recipient.group(TEAM), "DM1")).containsExactly(
				new Addressee("dirann", "ann@example.com", "zh"), new Addressee("dirbob", "bob@example.com", null),
				new Addressee("direve", "eve@example.com", null));
		assertThat(this.directory.addressees(Recipient.group(TEAM), "DM2")).extracting(Addressee::user)
			.containsExactly("dirbob", "dirdan", "direve");
	}

	@Test
	void newsOfNoStoreReachesEveryMemberWithAnAddress() {
		assertThat(this.directory.addressees(Recipient.group(TEAM), null)).extracting(Addressee::user)
			.containsExactly("dirann", "dirbob", "dirdan", "direve");
		assertThat(this.directory.addressees(Recipient.group("nosuchgroup"), null)).isEmpty();
	}

	@Test
	void aUserIsMailedOnlyForTheirOwnStoresAndOnlyWithAnAddress() {
		assertThat(this.directory.addressees(Recipient.user("dirdan"), "DM1")).isEmpty();
		assertThat(this.directory.addressees(Recipient.user("dirdan"), "DM2"))
			.containsExactly(new Addressee("dirdan", "dan@example.com", null));
		assertThat(this.directory.addressees(Recipient.user("dircat"), null)).isEmpty();
		assertThat(this.directory.addressees(Recipient.user("nosuchuser"), null)).isEmpty();
	}

	@Test
	void aPersonIsTheirAddressAndLanguageEvenWithoutAnAddress() {
		assertThat(this.directory.person("dirann")).contains(new Addressee("dirann", "ann@example.com", "zh"));
		assertThat(this.directory.person("dircat")).contains(new Addressee("dircat", null, null));
		assertThat(this.directory.person("nosuchuser")).isEmpty();
	}

	private void storeGroup(String storeCode) {
		String id = StoreScope.groupOf(storeCode);
		if (this.identity.createGroupQuery().groupId(id).count() == 0) {
			Group group = this.identity.newGroup(id);
			group.setType(StoreScope.GROUP_TYPE);
			this.identity.saveGroup(group);
		}
	}

}
