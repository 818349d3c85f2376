package io.returnsdesk.web;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the API refuses before a call reads the request, and its answer to errors that no
 * call answered.
 */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

	/**
	 * Runs after Spring Security (the default order is the lowest): a client that has not
	 * logged in learns nothing about the limits.
	 */
	@Bean
	FilterRegistrationBean<ApiRequestFilter> apiRequestFilter(ApiSettings settings, ObjectMapper json) {
		FilterRegistrationBean<ApiRequestFilter> registration = new FilterRegistrationBean<>(
				new ApiRequestFilter(settings, json));
		registration.addUrlPatterns("/api/*");
		return registration;
	}

	/** Takes the place of Spring Boot's own error controller, which it extends. */
	@Bean
	BasicErrorController apiErrorController(ErrorAttributes errorAttributes, ServerProperties server,
			ObjectProvider<ErrorViewResolver> resolvers, ObjectMapper json) {
		return new ApiErrorController(errorAttributes, server.getError(), resolvers.orderedStream().toList(), json);
	}

}
