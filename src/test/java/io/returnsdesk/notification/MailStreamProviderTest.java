package io.returnsdesk.notification;

import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay names Jakarta Mail's stream provider (see {@link MailRelay}); should an
 * upgrade of Jakarta Mail rename it, every mail would fail to encode.
 */
class MailStreamProviderTest {

	@Test
	void theProviderTheRelayNamesExistsAndEncodesChineseSubjects() throws Exception {
		Class.forName(MailRelay.class.getName());

		String provider = System.getProperty(MailRelay.STREAM_PROVIDER);
		assertThat(StreamProvider.class.isAssignableFrom(Class.forName(provider))).as(provider).isTrue();
		String subject = "退货 RT-20261126-0001 已批准 · Return approved";
		String encoded = MimeUtility.encodeText(subject, "UTF-8", null);
		assertThat(encoded).startsWith("=?UTF-8?").doesNotContain("退货");
		assertThat(MimeUtility.decodeText(encoded)).isEqualTo(subject);
	}

}
