package io.returnsdesk.web.process;

import io.returnsdesk.returns.CompletedTasks;
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
	CamundaJerseyResourceConfig engineRestResources(CompletedTasks completedTasks) {
		return new EngineRestResources(new EngineRestRefusals(completedTasks));
	}

	/** Camunda's resources, and our answers to refusals before Camunda's own. */
	@ApplicationPath("/engine-rest")
	static class EngineRestResources extends CamundaJerseyResourceConfig {

		private final EngineRestRefusals refusals;

		EngineRestResources(EngineRestRefusals refusals) {
			this.refusals = refusals;
		}

		@Override
		protected void registerAdditionalResources() {
			register(this.refusals.forRestException());
			register(this.refusals.forProcessEngineException());
			register(this.refusals.forAnyException());
		}

	}

}
