package io.returnsdesk.web;

import java.util.List;

import io.returnsdesk.catalog.StoreScope;
import io.returnsdesk.system.AccessRules;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A call that takes a {@link StoreScope} gets the stores of the logged-in user
 * (DESIGN.md, *Roles*): the controllers hand it to what they read and change, so that a
 * user bound to stores meets nothing of another store. Not a parameter of the API's
 * description.
 */
@Configuration(proxyBeanMethods = false)
class StoreScopeConfiguration implements WebMvcConfigurer {

	static {
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(StoreScope.class);
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new UsersStores());
	}

	/** The stores of the request's user; a call without one is refused, not widened. */
	static final class UsersStores implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return StoreScope.class.equals(parameter.getParameterType());
		}

		@Override
		public StoreScope resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
				NativeWebRequest request, WebDataBinderFactory binders) {
			// Spring Security's request gives no principal to an anonymous caller:
			// every store is never the answer to not knowing who asks
			if (request.getUserPrincipal() instanceof Authentication user && user.isAuthenticated()) {
				return AccessRules.storesOf(user);
			}
			throw new IllegalStateException("A call within the user's stores was reached without a logged-in user");
		}

	}

}
