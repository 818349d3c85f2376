package io.returnsdesk.webhooks.internal;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSettingsTest {

	@Test
	void signsAsTheStandardSays() {
		// RFC 4231, test case 2
		assertThat(WebhookSignature.of("what do ya want for nothing?".getBytes(), "Jefe"))
			.isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
	}

	@Test
	void waitsLongerAfterEachFailureUpToTheLongestWait() {
		WebhookSettings settings = new WebhookSettings(true, Duration.ofSeconds(5), 10, 8, Duration.ofSeconds(30),
				Duration.ofMinutes(2), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMinutes(1), false,
				List.of());
		assertThat(List.of(settings.retryAfter(1), settings.retryAfter(2), settings.retryAfter(3),
				settings.retryAfter(4), settings.retryAfter(9)))
			.containsExactly(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
					Duration.ofMinutes(2), Duration.ofMinutes(2));
	}

	@Test
	void refusesALeaseNoLongerThanATry() {
		assertThatThrownBy(() -> new WebhookSettings(true, Duration.ofSeconds(5), 10, 8, Duration.ofSeconds(30),
				Duration.ofHours(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(7), false,
				List.of()))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("returns.webhooks.lease");
	}

}
