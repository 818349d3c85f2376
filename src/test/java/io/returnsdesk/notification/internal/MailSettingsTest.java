package io.returnsdesk.notification.internal;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The waits between tries of a mail and the languages of its readers.
 */
class MailSettingsTest {

	MailSettings settings = new MailSettings(true, "desk@shop.example", Duration.ofSeconds(10), 20, 10,
			Duration.ofSeconds(30), Duration.ofHours(1), "zh", "https://desk.shop.example/");

	@Test
	void waitsThirtySecondsThenTwiceAsLongEachTimeAtMostAnHour() {
		assertThat(this.settings.retryAfter(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(this.settings.retryAfter(2)).isEqualTo(Duration.ofMinutes(1));
		assertThat(this.settings.retryAfter(3)).isEqualTo(Duration.ofMinutes(2));
		assertThat(this.settings.retryAfter(7)).isEqualTo(Duration.ofMinutes(32));
		assertThat(this.settings.retryAfter(8)).isEqualTo(Duration.ofHours(1));
		assertThat(this.settings.retryAfter(1000)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void readsAnyChineseOrEnglishAndGivesTheDefaultForTheRest() {
		assertThat(this.settings.language("zh-CN")).isEqualTo("zh");
		assertThat(this.settings.language(" EN ")).isEqualTo("en");
		assertThat(this.settings.language("fr")).isEqualTo("zh");
		assertThat(this.settings.language(null)).isEqualTo("zh");
		assertThat(this.settings.deskUrl()).isEqualTo("https://desk.shop.example");
	}

	@Test
	void refusesSettingsThatCannotWork() {
		assertThatThrownBy(() -> new MailSettings(true, "d@s", Duration.ofSeconds(10), 0, 10, Duration.ofSeconds(30),
				Duration.ofHours(1), "zh", "x"))
			.hasMessageContaining("batch-size");
		assertThatThrownBy(() -> new MailSettings(true, "d@s", Duration.ofSeconds(10), 20, 10, Duration.ZERO,
				Duration.ofHours(1), "zh", "x"))
			.hasMessageContaining("first-retry");
		assertThatThrownBy(() -> new MailSettings(true, "d@s", Duration.ofSeconds(10), 20, 10, Duration.ofSeconds(30),
				Duration.ofHours(1), "fr", "x"))
			.hasMessageContaining("default-language");
	}

}
