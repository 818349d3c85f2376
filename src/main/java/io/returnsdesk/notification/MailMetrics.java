package io.returnsdesk.notification;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The outbox's backlog, read at each scrape: mails waiting to go out and mails that
 * failed for good ({@code returns_mail_outbox{status="PENDING"|"FAILED"}}).
 */
@Component
class MailMetrics implements MeterBinder {

	private final JdbcTemplate jdbc;

	MailMetrics(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (MailStatus status : new MailStatus[] { MailStatus.PENDING, MailStatus.FAILED }) {
			Gauge
				.builder("returns.mail.outbox",
						() -> this.jdbc.queryForObject("select count(*) from mail_outbox where status = ?", Long.class,
								status.name()))
				.description("Mails in the outbox by status")
				.tag("status", status.name())
				.register(registry);
		}
	}

}
