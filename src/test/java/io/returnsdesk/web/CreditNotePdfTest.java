package io.returnsdesk.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import io.returnsdesk.finance.CreditNote;
import io.returnsdesk.web.CreditNoteController.LineView;
import io.returnsdesk.web.CreditNoteController.NoteView;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The printed note read back as a reader sees it: what it says in both languages, its
 * amounts (red and negative on a credit note), its pages, and the one font it embeds as a
 * subset.
 */
class CreditNotePdfTest {

	static final CreditNotePdf PDF = new CreditNotePdf();

	/** Where the notes printed here are kept to look at. */
	static final Path PRINTED = Path.of("target", "notes");

	@Test
	void printsACreditNoteOnA4WithItsParticularsLinesAndTotalsNegativeInRed() {
		PrintedPdf pdf = PrintedPdf.read(kept("credit-note.pdf",
				PDF.render(note(CreditNote.Kind.CREDIT, "张三丰", "CASH",
						line(1, "SKU-1028", "电水壶 Kettle", 2, "226.00", "0.13", "400.00", "52.00", "452.00"),
						line(2, "SKU-2040", "毛巾 Towel", 1, "10.90", "0.09", "10.00", "0.90", "10.90")))));

		assertThat(pdf.pages()).hasSize(1);
		assertThat(pdf.widthPt()).isCloseTo(595, within(1f));
		assertThat(pdf.heightPt()).isCloseTo(842, within(1f));
		assertThat(pdf.text())
			.contains("退货红字凭证", "Credit note", "CN-20261206-0001", "2026-12-06", "RT-20261205-0042", "SO-1001", "张三丰",
					"C0001", "TS", "现金 Cash", "人民币 CNY")
			.contains("序号", "商品编码", "商品名称", "数量", "含税单价", "税率", "税额", "价税合计")
			.contains("SKU-1028", "电水壶 Kettle", "226.00", "13%", "毛巾 Towel", "9%")
			.contains("-400.00", "-52.00", "-452.00", "-410.00", "-52.90", "-462.90")
			.contains("第 1 页，共 1 页 · Page 1 of 1");
		assertThat(pdf.text()).contains("价税合计 Total incl. VAT", "CNY -462.90");
		assertThat(pdf.red()).contains("退货红字凭证 ", "-400.00", "-52.00", "-452.00", "-410.00", "-52.90", "-462.90")
			.noneMatch((word) -> word.equals("226.00") || word.equals("13%"));
	}

	@Test
	void printsTheRestockingFeeKeptAndWhatTheCustomerGetsBack() {
		PrintedPdf withFee = PrintedPdf.read(kept("credit-note-fee.pdf",
				PDF.render(note(CreditNote.Kind.CREDIT, "张三丰", "ORIGINAL_PAYMENT", new BigDecimal("45.20"),
						line(1, "SKU-1028", "电水壶 Kettle", 2, "226.00", "0.13", "400.00", "52.00", "452.00")))));
		PrintedPdf withoutFee = PrintedPdf.read(PDF.render(note(CreditNote.Kind.CREDIT, "张三丰", "ORIGINAL_PAYMENT",
				line(1, "SKU-1028", "电水壶 Kettle", 2, "226.00", "0.13", "400.00", "52.00", "452.00"))));

		assertThat(withFee.text()).contains("价税合计 Total incl. VAT", "CNY -452.00", "退货手续费 Restocking fee", "CNY 45.20",
				"实退金额 Refunded", "CNY -406.80");
		assertThat(withoutFee.text()).contains("CNY -452.00").doesNotContain("Restocking fee", "Refunded");
	}

	@Test
	void printsADebitNoteToTheSupplierWithPositiveAmountsInBlack() {
		PrintedPdf pdf = PrintedPdf
			.read(kept("debit-note.pdf", PDF.render(note(CreditNote.Kind.DEBIT, "华强电器有限公司", "BANK_TRANSFER",
					line(1, "SKU-1028", "电水壶 Kettle", 4, "113.00", "0.13", "353.98", "46.02", "400.00")))));

		assertThat(pdf.text())
			.contains("退货借项通知单", "Debit note", "供应商 Supplier", "华强电器有限公司", "结算方式 Settlement", "银行转账 Bank transfer",
					"353.98", "46.02", "400.00")
			.doesNotContain("-400.00", "红字");
		assertThat(pdf.red()).isEmpty();
	}

	@Test
	void namesEachRefundMethodInChineseAndEnglish() {
		for (String[] method : new String[][] { { "ORIGINAL_PAYMENT", "原路退回 Original payment" },
				{ "BANK_TRANSFER", "银行转账 Bank transfer" }, { "CASH", "现金 Cash" },
				{ "STORE_CREDIT", "储值 Store credit" } }) {
			PrintedPdf pdf = PrintedPdf.read(PDF.render(note(CreditNote.Kind.CREDIT, "李四", method[0],
					line(1, "SKU-1", "杯子 Mug", 1, "20.00", "0.13", "17.70", "2.30", "20.00"))));
			assertThat(pdf.text()).contains(method[1]);
		}
	}

	@Test
	void embedsTheShippedFontAsASubsetAndNoOtherFont() {
		byte[] bytes = PDF.render(note(CreditNote.Kind.CREDIT, "张三丰", "CASH",
				line(1, "SKU-1028", "电水壶 Kettle", 2, "226.00", "0.13", "400.00", "52.00", "452.00")));
		PrintedPdf pdf = PrintedPdf.read(bytes);

		assertThat(pdf.fonts()).isNotEmpty().allSatisfy((font) -> {
			assertThat(font.name()).matches("[A-Z]{6}\\+NotoSansSC-Regular");
			assertThat(font.subtype()).isEqualTo("Type0");
			assertThat(font.fontFile()).isEqualTo("FontFile2");
			// the glyphs used, not the 10 MB of the whole font
			assertThat(font.fontFileSize()).isBetween(1_000, 400_000);
		});
		assertThat(bytes.length).isLessThan(100_000);
	}

	@Test
	void printsRareCharactersOfNamesBeyondGb2312AndTheBasicPlane() {
		// 䶮 (CJK extension A) and 𬌗 (extension E, outside the basic plane) are in
		// people's and shops' names
		PrintedPdf pdf = PrintedPdf.read(PDF.render(note(CreditNote.Kind.CREDIT, "刘䶮", "CASH",
				line(1, "SKU-7", "𬌗牙 膏 Toothpaste", 1, "12.00", "0.13", "10.62", "1.38", "12.00"))));

		assertThat(pdf.text()).contains("刘䶮", "𬌗牙 膏 Toothpaste");
	}

	@Test
	void aLongNoteRunsOnToMorePagesEachWithTheTableHeaderAndItsPageCount() {
		List<LineView> lines = IntStream.rangeClosed(1, 80)
			.mapToObj((i) -> line(i, "SKU-%04d".formatted(i), "商品 %d 号，名称很长很长很长的一件商品 Product %d".formatted(i, i), 1,
					"11.30", "0.13", "10.00", "1.30", "11.30"))
			.toList();
		PrintedPdf pdf = PrintedPdf.read(kept("long-credit-note.pdf",
				PDF.render(note(CreditNote.Kind.CREDIT, "王五", "CASH", lines.toArray(LineView[]::new)))));

		int pages = pdf.pages().size();
		assertThat(pages).isGreaterThan(1);
		for (int page = 1; page <= pages; page++) {
			assertThat(pdf.pages().get(page - 1)).contains("商品名称", "CN-20261206-0001 · RT-20261205-0042",
					"第 %d 页，共 %d 页 · Page %d of %d".formatted(page, pages, page, pages));
		}
		assertThat(pdf.text()).contains("SKU-0001", "SKU-0080", "Product 80", "-904.00");
	}

	@Test
	void notesPrintedAtOnceEachCarryTheirOwnText() throws Exception {
		List<String> names = List.of("赵一", "钱二", "孙三", "李四", "周五", "吴六", "郑七", "王八");
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Future<PrintedPdf>> printed = new ArrayList<>();
			for (String name : names) {
				printed.add(threads.submit(() -> PrintedPdf.read(PDF.render(note(CreditNote.Kind.CREDIT, name, "CASH",
						line(1, "SKU-1", name + "的杯子", 1, "20.00", "0.13", "17.70", "2.30", "20.00"))))));
			}
			for (int i = 0; i < names.size(); i++) {
				assertThat(printed.get(i).get().text()).contains(names.get(i) + "的杯子");
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void theFontCoversEveryCharacterOfGb2312() {
		List<String> missing = new ArrayList<>();
		Charset gb2312 = Charset.forName("GB2312");
		// rows 0xA1–0xF7 of 94 cells each: symbols, then the 6,763 hanzi from 0xB0
		for (int row = 0xA1; row <= 0xF7; row++) {
			for (int cell = 0xA1; cell <= 0xFE; cell++) {
				String character = gb2312.decode(ByteBuffer.wrap(new byte[] { (byte) row, (byte) cell })).toString();
				int codePoint = character.codePointAt(0);
				if (codePoint != 0xFFFD && !PDF.covers(codePoint)) {
					missing.add(character + " U+%04X".formatted(codePoint));
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void writesVatRatesAsPercentagesAndAmountsAsFinanceDoes() {
		assertThat(CreditNotePdf.percent(new BigDecimal("0.13"))).isEqualTo("13%");
		assertThat(CreditNotePdf.percent(new BigDecimal("0.09"))).isEqualTo("9%");
		assertThat(CreditNotePdf.percent(new BigDecimal("0.00"))).isEqualTo("0%");
		assertThat(CreditNotePdf.percent(new BigDecimal("0.065"))).isEqualTo("6.5%");
		assertThat(CreditNotePdf.money(new BigDecimal("1234567.8"))).isEqualTo("1,234,567.80");
		assertThat(CreditNotePdf.money(new BigDecimal("400.00").negate())).isEqualTo("-400.00");
		assertThat(CreditNotePdf.money(new BigDecimal("0.00").negate())).isEqualTo("0.00");
	}

	private static byte[] kept(String name, byte[] pdf) {
		try {
			Files.createDirectories(PRINTED);
			Files.write(PRINTED.resolve(name), pdf);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return pdf;
	}

	static NoteView note(CreditNote.Kind kind, String partyName, String refundMethod, LineView... lines) {
		return note(kind, partyName, refundMethod, BigDecimal.ZERO.setScale(2), lines);
	}

	static NoteView note(CreditNote.Kind kind, String partyName, String refundMethod, BigDecimal restockingFee,
			LineView... lines) {
		BigDecimal net = List.of(lines).stream().map(LineView::net).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal tax = List.of(lines).stream().map(LineView::tax).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal gross = List.of(lines).stream().map(LineView::gross).reduce(BigDecimal.ZERO, BigDecimal::add);
		return new NoteView(kind.prefix() + "-20261206-0001", kind, "RT-20261205-0042", LocalDate.of(2026, 12, 6),
				(kind == CreditNote.Kind.CREDIT) ? "SO-1001" : "PO-2001",
				(kind == CreditNote.Kind.CREDIT) ? "C0001" : "V0001", partyName, "TS", refundMethod, List.of(lines),
				net, tax, gross, restockingFee, gross.subtract(restockingFee));
	}

	static LineView line(int lineNo, String sku, String name, int quantity, String unitPrice, String vatRate,
			String net, String tax, String gross) {
		return new LineView(lineNo, sku, name, quantity, new BigDecimal(unitPrice), new BigDecimal(vatRate),
				new BigDecimal(net), new BigDecimal(tax), new BigDecimal(gross));
	}

}
