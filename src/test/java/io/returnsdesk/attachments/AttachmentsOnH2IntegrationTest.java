package io.returnsdesk.attachments;

import io.returnsdesk.catalog.Product;
import io.returnsdesk.support.ReturnDriver;
import io.returnsdesk.support.TestFiles;
import io.returnsdesk.support.TestFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static io.returnsdesk.support.TestFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attachment table on the zero-setup default database: BYTEA is H2's VARBINARY.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:lifecycle;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class AttachmentsOnH2IntegrationTest {

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReturnDriver returns;

	@Autowired
	ReturnAttachments attachments;

	@Test
	void storesListsAndReadsBackAttachmentsOnH2() {
		Product pen = this.fixtures.product("9.90", 10);
		String number = this.returns.request(this.fixtures.shippedSale(1, line(pen, 5)).getNumber(), "DAMAGED",
				"REFUND", pen.getSku(), 1);
		byte[] png = TestFiles.png();

		ReturnAttachments.Attached photo = this.attachments.attach(number, "photo.png", png, ReturnDriver.CLERK);
		ReturnAttachments.Attached again = this.attachments.attach(number, "again.png", png, ReturnDriver.CLERK);
		this.attachments.attach(number, "voucher.pdf", TestFiles.PDF, ReturnDriver.CLERK);

		assertThat(photo.created()).isTrue();
		assertThat(again.created()).isFalse();
		assertThat(again.attachment()).isEqualTo(photo.attachment());
		assertThat(this.attachments.list(number)).extracting(AttachmentView::fileName)
			.containsExactly("photo.png", "voucher.pdf");
		AttachmentContent content = this.attachments.content(number, photo.attachment().id());
		assertThat(content.bytes()).isEqualTo(png);
		assertThat(content.type()).isEqualTo(AttachmentType.PNG);
		assertThat(photo.attachment().sha256()).hasSize(64);
	}

}
