package io.returnsdesk.notification;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.returnsdesk.notification.internal.MailSettings;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes what a notification tells in Chinese or English, from the plain-text templates
 * {@code templates/mail/<language>/<KIND>.txt}: the first line is the subject, the rest
 * the body. Facts go in as text, whatever they contain; {@code #{refund.CASH}} and the
 * like come from the desk's {@code messages*.properties}.
 */
@Component
class MailTemplates {

	private final SpringTemplateEngine engine = new SpringTemplateEngine();

	private final String deskUrl;

	MailTemplates(MailSettings settings) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setSuffix(".txt");
		resolver.setTemplateMode(TemplateMode.TEXT);
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		resolver.setCheckExistence(true);
		this.engine.setTemplateResolver(resolver);
		// labels in the mail's language, never in the server's
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
		messages.setFallbackToSystemLocale(false);
		this.engine.setTemplateEngineMessageSource(messages);
		this.deskUrl = settings.deskUrl();
	}

	/** The subject and body of a kind of notification in a language, with its facts. */
	MailText render(NotificationKind kind, String language, Map<String, ?> facts) {
		Context context = new Context(Locale.forLanguageTag(language));
		context.setVariables((facts != null) ? new HashMap<>(facts) : new HashMap<>());
		context.setVariable("deskUrl", this.deskUrl);
		String text = this.engine.process(language + "/" + kind.name(), context).replace("\r\n", "\n");
		int end = text.indexOf('\n');
		String subject = (end < 0) ? text : text.substring(0, end);
		String body = (end < 0) ? "" : text.substring(end + 1);
		return new MailText(subject.strip(), body.strip() + "\n");
	}

	/** A mail's subject and plain-text body. */
	record MailText(String subject, String body) {

	}

}
