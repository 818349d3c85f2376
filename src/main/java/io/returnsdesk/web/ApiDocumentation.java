package io.returnsdesk.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the API ({@code /v3/api-docs}, Swagger UI at
 * {@code /swagger-ui.html}): every call needs HTTP Basic with a Camunda user.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	private static final String BASIC = "basic";

	@Bean
	OpenAPI returnsDeskApi() {
		return new OpenAPI()
			.info(new Info().title("Returns desk API 退货管理")
				.version("1")
				.description("Return requests against original orders, their history, timeline and export; "
						+ "stock and finance postings. Log in with HTTP Basic as a Camunda user. "
						+ "Errors are RFC 7807 problems (application/problem+json) with a readable detail "
						+ "and, where one input is at fault, its field. The writing calls (request, revise, "
						+ "withdraw) take an Idempotency-Key header: a request sent again with the same key gets "
						+ "the first answer again and changes nothing."))
			.components(new Components().addSecuritySchemes(BASIC,
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
			.addSecurityItem(new SecurityRequirement().addList(BASIC));
	}

	/** Records as Jackson writes them: required, and nullable where marked. */
	@Bean
	ApiSchemas apiSchemas() {
		return new ApiSchemas();
	}

	/** The limits, uploads, problems, files and headers of every call, in that order. */
	@Bean
	OpenApiCustomizer apiContract() {
		ApiLimits limits = new ApiLimits();
		ApiContract answers = new ApiContract();
		return (api) -> {
			limits.customise(api);
			answers.customise(api);
		};
	}

}
