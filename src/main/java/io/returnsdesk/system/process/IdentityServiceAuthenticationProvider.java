package io.returnsdesk.system.process;

import java.util.ArrayList;
import java.util.List;

import io.returnsdesk.catalog.StoreScope;
import io.returnsdesk.system.AccessRules;

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
 * identity for the desk, the API and Camunda's webapps. A user holds an authority per
 * group, and per store group one that names the store.
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
		List<SimpleGrantedAuthority> authorities = new ArrayList<>();
		for (Group group : this.identity.createGroupQuery().groupMember(user).list()) {
			authorities.add(new SimpleGrantedAuthority(AccessRules.GROUP_AUTHORITY + group.getId()));
			// a store's group binds its members to the store
			if (StoreScope.GROUP_TYPE.equals(group.getType()) && group.getId().startsWith(StoreScope.GROUP_PREFIX)) {
				authorities.add(new SimpleGrantedAuthority(
						AccessRules.STORE_AUTHORITY + group.getId().substring(StoreScope.GROUP_PREFIX.length())));
			}
		}
		return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
