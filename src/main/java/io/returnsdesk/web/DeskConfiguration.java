package io.returnsdesk.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The desk speaks Chinese or English: the browser's language chooses, {@code ?lang=zh} or
 * {@code ?lang=en} overrides and is remembered in a cookie.
 */
@Configuration(proxyBeanMethods = false)
class DeskConfiguration implements WebMvcConfigurer {

	static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.CHINESE);

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("desk-lang");
		resolver.setDefaultLocaleFunction((request) -> supported(request.getLocale()));
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new EmptyChoices()).addPathPatterns("/api/**");
		LocaleChangeInterceptor change = new LocaleChangeInterceptor();
		change.setParamName("lang");
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(change)
			.addPathPatterns("/", "/login", "/returns", "/returns/**", "/reports", "/reports/**", "/finance",
					"/not-allowed", "/my-return");
	}

	/** Chinese for any Chinese variant the browser asks for, else English. */
	static Locale supported(Locale requested) {
		return (requested != null && requested.getLanguage().equals("zh")) ? Locale.CHINESE : Locale.ENGLISH;
	}

}
