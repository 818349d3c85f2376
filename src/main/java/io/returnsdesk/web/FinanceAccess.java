package io.returnsdesk.web;

import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who reads the books (DESIGN.md, *Roles*): finance and the analysts; every other group
 * is refused with 403.
 */
final class FinanceAccess {

	private static final Set<String> READERS = Set.of("GROUP_finance", "GROUP_analysts");

	private FinanceAccess() {
	}

	static void requireReader(Authentication user) {
		if (!isReader(user)) {
			throw new ForbiddenException("Only finance and analysts (groups finance, analysts) read the books");
		}
	}

	/** Whether the user reads the books. */
	static boolean isReader(Authentication user) {
		return user != null
				&& user.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(READERS::contains);
	}

}
