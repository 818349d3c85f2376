package io.returnsdesk.system;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * A method no call takes ({@code TRACE}, or one HTTP does not know) is answered as any
 * other such method: 405 with the {@code Allow} header of the path, a problem under
 * {@code /api}. Tomcat and Spring Security's firewall would refuse them first with a bare
 * 400 that says nothing. Letting them through is safe: the table of calls still decides
 * who gets in (a method no rule names needs a login), and no call takes them.
 */
@Configuration(proxyBeanMethods = false)
class HttpMethods {

	/** Tomcat hands TRACE to the application instead of refusing it itself. */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> traceReachesTheApplication() {
		return (factory) -> factory.addConnectorCustomizers((connector) -> connector.setAllowTrace(true));
	}

	/** The firewall keeps its other checks; the method is the handlers' to judge. */
	@Bean
	WebSecurityCustomizer everyMethodReachesTheHandlers() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setUnsafeAllowAnyHttpMethod(true);
		return (web) -> web.httpFirewall(firewall);
	}

}
