package io.returnsdesk.web.process;

import jakarta.ws.rs.ApplicationPath;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /engine-rest} takes HTTP Basic against the engine's users, so that every call
 * runs as a user whose groups' authorizations the engine checks; refusals of the
 * application's rules answer 4xx, not 500.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestConfiguration {

	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
		FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ProcessEngineAuthenticationFilter());
		registration.setName("engine-rest-authentication");
		registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
		registration.addUrlPatterns("/engine-rest/*");
		return registration;
	}

	@Bean
	CamundaJerseyResourceConfig engineRestResources() {
		return new EngineRestResources();
	}

	/** Camunda's resources, and our answers to refusals before Camunda's own. */
	@ApplicationPath("/engine-rest")
	static class EngineRestResources extends CamundaJerseyResourceConfig {

		@Override
		protected void registerAdditionalResources() {
			register(EngineRestRefusals.ForRestException.class);
			register(EngineRestRefusals.ForProcessEngineException.class);
			register(EngineRestRefusals.ForAnyException.class);
		}

	}

}
