package io.returnsdesk.attachments;

import java.nio.charset.StandardCharsets;

import io.returnsdesk.attachments.AttachmentRefusedException.Reason;
import io.returnsdesk.support.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AttachmentTypeDetectorTest {

	@Test
	void tellsImagesAndPdfByTheirContent() {
		assertThat(AttachmentTypeDetector.detect(TestFiles.jpeg())).isEqualTo(AttachmentType.JPEG);
		assertThat(AttachmentTypeDetector.detect(TestFiles.png())).isEqualTo(AttachmentType.PNG);
		assertThat(AttachmentTypeDetector.detect(TestFiles.gif())).isEqualTo(AttachmentType.GIF);
		assertThat(AttachmentTypeDetector.detect(TestFiles.WEBP)).isEqualTo(AttachmentType.WEBP);
		assertThat(AttachmentTypeDetector.detect(TestFiles.PDF)).isEqualTo(AttachmentType.PDF);
	}

	@ParameterizedTest
	@ValueSource(strings = { "plain text pretending to be a photo", "<html><script>alert(1)</script></html>",
			"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>", " %PDF-1.4 not at the start",
			"PK\u0003\u0004 a zip archive", "RIFF\u0010\u0000\u0000\u0000WAVEfmt a sound" })
	void refusesWhatIsNotAnAcceptedType(String content) {
		assertThatThrownBy(() -> AttachmentTypeDetector.detect(content.getBytes(StandardCharsets.ISO_8859_1)))
			.isInstanceOf(AttachmentRefusedException.class)
			.hasMessage("The file is not a JPEG, PNG, GIF, WebP image or a PDF")
			.extracting("reason")
			.isEqualTo(Reason.TYPE_NOT_ACCEPTED);
	}

	@Test
	void refusesImageMagicBytesFollowedByWhatDoesNotDecode() {
		assertThatThrownBy(() -> AttachmentTypeDetector.detect(TestFiles.jpegHeaderWithGarbage()))
			.isInstanceOf(AttachmentRefusedException.class)
			.hasMessageContaining("it starts like a JPEG image but cannot be read as one");
		byte[] png = TestFiles.png();
		byte[] truncatedPng = java.util.Arrays.copyOf(png, 40);
		assertThatThrownBy(() -> AttachmentTypeDetector.detect(truncatedPng))
			.hasMessageContaining("it starts like a PNG image but cannot be read as one");
		byte[] gifWithScript = TestFiles.concat("GIF89a".getBytes(StandardCharsets.US_ASCII),
				"=alert(document.cookie)".getBytes(StandardCharsets.US_ASCII));
		assertThatThrownBy(() -> AttachmentTypeDetector.detect(gifWithScript))
			.hasMessageContaining("it starts like a GIF image but cannot be read as one");
	}

	@Test
	void refusesWebpWhoseContainerIsBroken() {
		byte[] truncated = java.util.Arrays.copyOf(TestFiles.WEBP, 24);
		assertThatThrownBy(() -> AttachmentTypeDetector.detect(truncated))
			.isInstanceOf(AttachmentRefusedException.class)
			.hasMessage(AttachmentTypeDetector.NOT_ACCEPTED);
	}

	@Test
	void refusesImagesTooLargeToDecodeBeforeDecodingThem() {
		assertThatThrownBy(() -> AttachmentTypeDetector.detect(TestFiles.pngHeader(20_000, 20_000)))
			.isInstanceOf(AttachmentRefusedException.class)
			.hasMessage("The image has 20,000 × 20,000 pixels; at most 100 megapixels and 65,535 pixels a side"
					+ " can be attached")
			.extracting("reason")
			.isEqualTo(Reason.TOO_LARGE);
		assertThatThrownBy(() -> AttachmentTypeDetector.detect(TestFiles.pngHeader(100_000, 1))).extracting("reason")
			.isEqualTo(Reason.TOO_LARGE);
	}

}
