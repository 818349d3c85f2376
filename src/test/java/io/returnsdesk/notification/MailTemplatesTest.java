package io.returnsdesk.notification;

import java.time.Duration;
import java.util.Map;

import io.returnsdesk.notification.MailTemplates.MailText;
import io.returnsdesk.notification.internal.MailSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the mails about a processed return say came back, in each language, from the facts
 * the return gives: a customer return's units received and written off, a supplier
 * return's units handed over, and a notification kept from before those facts.
 */
class MailTemplatesTest {

	MailTemplates templates = new MailTemplates(new MailSettings(false, "desk@shop.example", Duration.ofSeconds(10), 20,
			10, Duration.ofSeconds(30), Duration.ofHours(1), "zh", "https://desk.shop.example/"));

	@Test
	void aConfirmedCustomerReturnTellsTheUnitsReceivedAndWrittenOffAndTheDay() {
		Map<String, Object> facts = confirmed("CUSTOMER", 3, 2, 1);

		assertThat(this.templates.render(NotificationKind.RETURN_CONFIRMED, "en", facts).body())
			.startsWith("Return RT-20261205-0001 was confirmed by fin1: 51.00 by Cash; stock and finance are posted.\n"
					+ "\nReceived: 2 of 3 unit(s), 1 written off; the goods came back on 2026-12-05.\n"
					+ "\nOpen it on the desk: https://desk.shop.example/returns/RT-20261205-0001\n");
		assertThat(this.templates.render(NotificationKind.RETURN_CONFIRMED, "zh", facts).body()).startsWith(
				"退货单 RT-20261205-0001 已由 fin1 确认：以现金退款 51.00，库存和财务已过账。\n" + "\n实收 2/3 件，其中报废 1 件；退货日期 2026-12-05。\n"
						+ "\n在退货管理中查看：https://desk.shop.example/returns/RT-20261205-0001\n");
	}

	@Test
	void nothingWrittenOffIsNotMentioned() {
		Map<String, Object> facts = confirmed("CUSTOMER", 3, 3, 0);

		assertThat(this.templates.render(NotificationKind.RETURN_CONFIRMED, "en", facts).body())
			.contains("\nReceived: 3 of 3 unit(s); the goods came back on 2026-12-05.\n")
			.doesNotContain("written off");
		assertThat(this.templates.render(NotificationKind.RETURN_CONFIRMED, "zh", facts).body())
			.contains("\n实收 3/3 件；退货日期 2026-12-05。\n")
			.doesNotContain("报废");
	}

	@Test
	void aSupplierReturnTellsTheUnitsHandedToTheSupplier() {
		Map<String, Object> facts = confirmed("SUPPLIER", 3, 2, 0);

		assertThat(this.templates.render(NotificationKind.RETURN_CONFIRMED, "en", facts).body())
			.contains("\nHanded to the supplier: 2 of 3 unit(s) on 2026-12-05.\n")
			.doesNotContain("Received", "came back");
		assertThat(this.templates.render(NotificationKind.RETURN_CONFIRMED, "zh", facts).body())
			.contains("\n退回供应商 2/3 件，日期 2026-12-05。\n")
			.doesNotContain("实收");
	}

	@Test
	void aReturnSentBackToProcessingTellsWhatWasRecordedAsComingBack() {
		Map<String, Object> facts = Notifier.facts("number", "RT-20261205-0001", "actor", "fin1", "note",
				"The voucher shows 45.00", "type", "CUSTOMER", "unitsAsked", 3, "unitsReceived", 2, "unitsWrittenOff",
				1, "returnedOn", "2026-12-05");

		assertThat(this.templates.render(NotificationKind.PROCESSING_REOPENED, "en", facts).body())
			.contains("\nThe voucher shows 45.00\n"
					+ "\nAs processed: received 2 of 3 unit(s), 1 written off; the goods came back on 2026-12-05.\n"
					+ "\nOpen it on the desk: ");
		assertThat(this.templates.render(NotificationKind.PROCESSING_REOPENED, "zh", facts).body())
			.contains("\nThe voucher shows 45.00\n" + "\n原处理记录：实收 2/3 件，其中报废 1 件；退货日期 2026-12-05。\n" + "\n在退货管理中查看：");
	}

	@Test
	void aNotificationKeptFromBeforeTheReceiptIsToldAsItWas() {
		// the desk writes stored notifications again from their facts: older ones have
		// none of the receipt
		Map<String, Object> facts = Notifier.facts("number", "RT-20261205-0001", "actor", "fin1", "refundAmount",
				"51.00", "refundMethod", "CASH");

		MailText english = this.templates.render(NotificationKind.RETURN_CONFIRMED, "en", facts);
		assertThat(english.body()).startsWith("Return RT-20261205-0001 was confirmed by fin1: 51.00 by Cash; "
				+ "stock and finance are posted.\n\nOpen it on the desk: ");
		MailText chinese = this.templates.render(NotificationKind.RETURN_CONFIRMED, "zh", facts);
		assertThat(chinese.body()).startsWith("退货单 RT-20261205-0001 已由 fin1 确认：以现金退款 51.00，库存和财务已过账。\n\n在退货管理中查看：");
	}

	private static Map<String, Object> confirmed(String type, int asked, int received, int writtenOff) {
		return Notifier.facts("number", "RT-20261205-0001", "actor", "fin1", "refundAmount", "51.00", "refundMethod",
				"CASH", "type", type, "unitsAsked", asked, "unitsReceived", received, "unitsWrittenOff", writtenOff,
				"returnedOn", "2026-12-05");
	}

}
