package io.returnsdesk.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.returnsdesk.catalog.StoreScope;
import io.returnsdesk.system.AccessRules.Role;
import io.returnsdesk.system.AccessRules.Rule;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table of calls: which rule a call falls under, what a refusal says, whose stores a
 * user works for; and {@code docs/access.md}, written from the table.
 */
class AccessRulesTests {

	static final Path DOCUMENT = Path.of("docs", "access.md");

	@Test
	void aCallFallsUnderItsMostSpecificDoor() {
		assertThat(AccessRules.ruleFor("GET", "/returns/new")).map(Rule::roles).contains(java.util.Set.of(Role.SALES));
		assertThat(AccessRules.ruleFor("GET", "/returns/RT-20261207-0001")).map(Rule::roles)
			.contains(java.util.Set.of(Role.values()));
		assertThat(AccessRules.ruleFor("HEAD", "/api/finance/postings")).map(Rule::roles)
			.contains(java.util.Set.of(Role.FINANCE, Role.ANALYSTS));
		assertThat(AccessRules.ruleFor("DELETE", "/api/returns/RT-1")).isEmpty();
	}

	@Test
	void aUserMayWhatOneOfTheirGroupsMay() {
		Authentication warehouse = user("w", "GROUP_warehouse");
		assertThat(AccessRules.allows(warehouse, "POST", "/api/returns")).isFalse();
		assertThat(AccessRules.allows(warehouse, "POST", "/api/returns/RT-1/attachments")).isTrue();
		assertThat(AccessRules.allows(warehouse, "GET", "/api/finance/balances")).isFalse();
		assertThat(AccessRules.allows(user("s", "GROUP_warehouse", "GROUP_sales"), "POST", "/api/returns")).isTrue();
		assertThat(AccessRules.allows(user("nobody"), "GET", "/api/returns")).isFalse();
	}

	@Test
	void aRefusalSaysWhatTheCallIsForAndTheUsersGroups() {
		Rule books = AccessRules.ruleFor("GET", "/api/finance/balances").orElseThrow();
		assertThat(AccessRules.refusal(books, user("w", "GROUP_warehouse", "GROUP_storeS01", "STORE_S01")))
			.isEqualTo("Only finance, analysts may read the books: journal, postings, trial balance, "
					+ "reconciliation, credit and debit notes; your groups are storeS01, warehouse");
		assertThat(AccessRules.refusal(AccessRules.ruleFor("GET", "/api/returns").orElseThrow(), user("nobody")))
			.endsWith("you are in no group yet: ask an administrator to add you to one");
	}

	@Test
	void aUserInStoreGroupsWorksForThoseStoresOnly() {
		StoreScope bound = AccessRules.storesOf(user("w", "GROUP_warehouse", "GROUP_storeS01", "STORE_S01"));
		assertThat(bound.isEveryStore()).isFalse();
		assertThat(bound.includes("S01")).isTrue();
		assertThat(bound.includes("S02")).isFalse();
		assertThat(AccessRules.storesOf(user("h", "GROUP_warehouse")).isEveryStore()).isTrue();
	}

	@Test
	void theDocumentOfTheTableIsCurrent() throws IOException {
		StringBuilder document = new StringBuilder("""
				# Who may call what

				The application's own doors (the API under `/api` and the desk's pages) per group, as
				`AccessRules` holds them and the security configuration enforces them: anything else is
				403 (a problem in the API, a page that says why on the desk), and always within the
				caller's stores (see [security](security.md)). Written by `AccessRulesTests` from the
				table; it fails when this file is out of date (and rewrites it).
				`AccessMatrixChecks` walks every door as every demo user (on PostgreSQL and H2) against the same
				table.

				| what | groups | doors |
				|---|---|---|
				""");
		for (Rule rule : AccessRules.RULES) {
			document.append("| %s (%s) | %s | %s |\n".formatted(rule.what(), rule.whatZh(), rule.groups(),
					String.join("<br>", rule.doors().stream().map((door) -> "`" + door + "`").toList())));
		}
		document.append("""

				The public door (customer self-service) is open to anyone without a login, keeps no
				session and is rate-limited per address and per number (see [security](security.md)):
				""");
		document.append(String.join(", ", AccessRules.PUBLIC_DOORS.stream().map((door) -> "`" + door + "`").toList()))
			.append(".\n");
		String written = document.toString();
		boolean current = Files.exists(DOCUMENT) && Files.readString(DOCUMENT).equals(written);
		if (!current) {
			Files.writeString(DOCUMENT, written);
		}
		assertThat(current).as("%s was out of date and has been rewritten: commit it", DOCUMENT).isTrue();
	}

	private static Authentication user(String name, String... authorities) {
		List<org.springframework.security.core.GrantedAuthority> granted = AuthorityUtils
			.createAuthorityList(authorities);
		return UsernamePasswordAuthenticationToken.authenticated(name, null, granted);
	}

}
