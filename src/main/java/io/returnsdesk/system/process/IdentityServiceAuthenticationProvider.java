package io.returnsdesk.system.process;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Logs users in to the API with the users and groups of Camunda's identity service: one
 * identity for the desk, the API and Camunda's webapps.
 */
@Component
class IdentityServiceAuthenticationProvider implements AuthenticationProvider {

	private final IdentityService identity;

	IdentityServiceAuthenticationProvider(IdentityService identity) {
		this.identity = identity;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String user = authentication.getName();
		Object password = authentication.getCredentials();
		if (user == null || password == null || !this.identity.checkPassword(user, password.toString())) {
			throw new BadCredentialsException("Unknown user or wrong password");
		}
		List<SimpleGrantedAuthority> groups = this.identity.createGroupQuery()
			.groupMember(user)
			.list()
			.stream()
			.map(Group::getId)
			.map((group) -> new SimpleGrantedAuthority("GROUP_" + group))
			.toList();
		return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
