package io.returnsdesk.attachments;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AttachmentFileNamesTest {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiterString = " => ",
			value = { "photo.png => photo.png", "../../etc/passwd => passwd", "C:\\x\\y.png => y.png",
					"/var/tmp/voucher.pdf => voucher.pdf", "退货凭证 2026.pdf => 退货凭证 2026.pdf", ".. => attachment.png",
					"folder/ => attachment.png", "' .hidden.png. ' => hidden.png",
					"a<b>c:d|e?f*.png => a_b_c_d_e_f_.png" })
	void keepsTheLastPathSegmentWithoutWhatIsUnsafe(String original, String expected) {
		assertThat(AttachmentFileNames.sanitised(original, AttachmentType.PNG)).isEqualTo(expected);
	}

	@Test
	void dropsControlAndInvisibleFormattingCharacters() {
		assertThat(AttachmentFileNames.sanitised("in\u0000voice\r\n\t.pdf", AttachmentType.PDF))
			.isEqualTo("invoice.pdf");
		// a right-to-left override would show "photo_gnp.exe" as "photo_exe.png"
		assertThat(AttachmentFileNames.sanitised("photo_\u202Egnp.exe", AttachmentType.PNG)).isEqualTo("photo_gnp.exe");
		assertThat(AttachmentFileNames.sanitised("broken\uD800.png", AttachmentType.PNG)).isEqualTo("broken.png");
	}

	@Test
	void namesAFileWithoutAName() {
		assertThat(AttachmentFileNames.sanitised(null, AttachmentType.JPEG)).isEqualTo("attachment.jpg");
		assertThat(AttachmentFileNames.sanitised("  ", AttachmentType.PDF)).isEqualTo("attachment.pdf");
	}

	@Test
	void cutsLongNamesToTwoHundredCharactersKeepingTheExtension() {
		String cut = AttachmentFileNames.sanitised("x".repeat(300) + ".jpeg", AttachmentType.JPEG);
		assertThat(cut).hasSize(200).endsWith("x.jpeg");
		// a character outside the basic plane is never cut in half
		String emoji = AttachmentFileNames.sanitised("a" + "😀".repeat(150) + ".png", AttachmentType.PNG);
		assertThat(emoji.length()).isLessThanOrEqualTo(200);
		assertThat(emoji).endsWith("😀.png");
		assertThat(emoji.codePoints().noneMatch((c) -> Character.getType(c) == Character.SURROGATE)).isTrue();
	}

}
