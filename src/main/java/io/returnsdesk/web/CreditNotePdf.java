package io.returnsdesk.web;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.returnsdesk.web.CreditNoteController.LineView;
import io.returnsdesk.web.CreditNoteController.NoteView;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * A credit or debit note as a printable A4 PDF in Chinese and English. All its text is
 * set in Noto Sans SC from the application's jar, embedded as a subset of the glyphs
 * used, so that it reads and prints the same on a machine without Chinese fonts.
 */
@Component
class CreditNotePdf {

	/** The font every word is set in: regular weight, covering GB 2312 and beyond. */
	static final String FONT = "fonts/NotoSansSC-Regular.ttf";

	static final Color RED = new Color(0xC0, 0x00, 0x00);

	static final Color GREY = new Color(0x55, 0x55, 0x55);

	static final Color RULE = new Color(0xB0, 0xB0, 0xB0);

	private static final Color SHADE = new Color(0xEE, 0xEE, 0xEE);

	static final float MARGIN = 40;

	// lines of a cell that wraps, apart by 1.3 times the font's size: hanzi fill the em
	// square and touch at 1
	private static final float LEADING = 1.3f;

	private final BaseFont font;

	CreditNotePdf() {
		this.font = load();
	}

	// read once, at start: parsing the 10 MB font takes a few hundred milliseconds. Notes
	// written at once share it: a writer only reads it and keeps the glyphs it used
	// itself
	private static BaseFont load() {
		try (InputStream in = new ClassPathResource(FONT).getInputStream()) {
			return BaseFont.createFont("NotoSansSC-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false,
					in.readAllBytes(), null);
		}
		catch (IOException | DocumentException ex) {
			throw new IllegalStateException("Cannot read the notes' font " + FONT, ex);
		}
	}

	/** Whether the font has a glyph for the character (a code point). */
	boolean covers(int codePoint) {
		return this.font.charExists(codePoint);
	}

	/** The note as a PDF file. */
	byte[] render(NoteView note) {
		CreditNoteWording words = CreditNoteWording.of(note.kind());
		ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
		Document document = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, MARGIN + 16);
		try {
			PdfWriter writer = PdfWriter.getInstance(document, out);
			writer.setPageEvent(new CreditNotePdfFooter(this.font, note));
			document.addTitle("%s %s %s".formatted(words.titleZh(), words.titleEn(), note.number()));
			document.addSubject("%s %s".formatted(note.returnNumber(), note.partyName()));
			document.addCreator("Returns desk");
			document.open();
			document.add(title(words));
			document.add(particulars(note, words));
			document.add(caption(words));
			document.add(lines(note, words));
			document.add(total(note, words));
			document.add(signatures(words));
			document.add(smallPrint(words));
			document.close();
		}
		catch (DocumentException ex) {
			throw new IllegalStateException("Cannot lay out note " + note.number(), ex);
		}
		return out.toByteArray();
	}

	private Paragraph title(CreditNoteWording words) {
		Paragraph title = paragraph(font(13, words.amountColor()));
		title.setAlignment(Element.ALIGN_CENTER);
		Chunk zh = new Chunk(words.titleZh(), font(20, words.amountColor()));
		// one regular weight in the jar: stroking the outline sets the title in bold
		zh.setTextRenderMode(PdfContentByte.TEXT_RENDER_MODE_FILL_STROKE, 0.6f, words.amountColor());
		title.add(zh);
		// in the note's font: Chunk.NEWLINE would bring Helvetica
		title.add(new Chunk("\n", font(13, words.amountColor())));
		title.add(new Chunk(words.titleEn(), font(13, words.amountColor())));
		title.setSpacingAfter(14);
		return title;
	}

	private PdfPTable particulars(NoteView note, CreditNoteWording words) throws DocumentException {
		PdfPTable table = new PdfPTable(4);
		table.setWidthPercentage(100);
		table.setWidths(new float[] { 1.5f, 2.4f, 1.5f, 2.1f });
		particular(table, "凭证号 Number", new Phrase(note.number(), font(10.5f, Color.BLACK)));
		particular(table, "开具日期 Issued on", text(note.issuedOn().toString()));
		particular(table, "退货单号 Return", text(note.returnNumber()));
		particular(table, "原订单 Original order", text(note.orderNumber()));
		Phrase party = text(note.partyName());
		party.add(new Chunk("  " + note.partyCode(), font(8, GREY)));
		particular(table, words.party(), party);
		particular(table, "门店 Store", text(note.storeCode()));
		particular(table, words.method(), text(CreditNoteWording.refundMethod(note.refundMethod())));
		particular(table, "币种 Currency", text("人民币 CNY"));
		table.setSpacingAfter(12);
		return table;
	}

	private void particular(PdfPTable table, String label, Phrase value) {
		PdfPCell name = new PdfPCell(new Phrase(label, font(8.5f, GREY)));
		PdfPCell answer = new PdfPCell(value);
		for (PdfPCell cell : new PdfPCell[] { name, answer }) {
			cell.setBorder(Rectangle.BOTTOM);
			cell.setBorderColor(SHADE);
			cell.setPaddingTop(3);
			cell.setPaddingBottom(5);
			cell.setVerticalAlignment(Element.ALIGN_BOTTOM);
			cell.setLeading(0, LEADING);
			table.addCell(cell);
		}
	}

	private Paragraph caption(CreditNoteWording words) {
		Paragraph caption = new Paragraph(words.caption(), font(8, GREY));
		caption.setAlignment(Element.ALIGN_RIGHT);
		caption.setSpacingAfter(3);
		return caption;
	}

	private PdfPTable lines(NoteView note, CreditNoteWording words) throws DocumentException {
		PdfPTable table = new PdfPTable(9);
		table.setWidthPercentage(100);
		table.setWidths(new float[] { 0.45f, 1.45f, 3.1f, 0.6f, 1.2f, 0.6f, 1.25f, 1.1f, 1.25f });
		// the header again at the top of every page the lines run on to
		table.setHeaderRows(1);
		for (String[] heading : new String[][] { { "序号", "No." }, { "商品编码", "SKU" }, { "商品名称", "Product" },
				{ "数量", "Qty" }, { "含税单价", "Unit price" }, { "税率", "VAT" }, { "不含税金额", "Net" }, { "税额", "Tax" },
				{ "价税合计", "Gross" } }) {
			PdfPCell cell = new PdfPCell(new Phrase(heading[0] + "\n" + heading[1], font(8, Color.BLACK)));
			cell.setBackgroundColor(SHADE);
			cell.setHorizontalAlignment(Element.ALIGN_CENTER);
			cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
			frame(cell);
			table.addCell(cell);
		}
		Color amount = words.amountColor();
		for (LineView line : note.lines()) {
			table.addCell(cell(Integer.toString(line.lineNo()), Element.ALIGN_CENTER, Color.BLACK));
			table.addCell(cell(line.sku(), Element.ALIGN_LEFT, Color.BLACK));
			table.addCell(cell(line.name(), Element.ALIGN_LEFT, Color.BLACK));
			table.addCell(cell(Integer.toString(line.quantity()), Element.ALIGN_RIGHT, Color.BLACK));
			table.addCell(cell(money(line.unitPrice()), Element.ALIGN_RIGHT, Color.BLACK));
			table.addCell(cell(percent(line.vatRate()), Element.ALIGN_RIGHT, Color.BLACK));
			table.addCell(cell(money(words.signed(line.net())), Element.ALIGN_RIGHT, amount));
			table.addCell(cell(money(words.signed(line.tax())), Element.ALIGN_RIGHT, amount));
			table.addCell(cell(money(words.signed(line.gross())), Element.ALIGN_RIGHT, amount));
		}
		PdfPCell label = cell("合计 Total", Element.ALIGN_RIGHT, Color.BLACK);
		label.setColspan(6);
		for (PdfPCell cell : new PdfPCell[] { label, cell(money(words.signed(note.net())), Element.ALIGN_RIGHT, amount),
				cell(money(words.signed(note.tax())), Element.ALIGN_RIGHT, amount),
				cell(money(words.signed(note.gross())), Element.ALIGN_RIGHT, amount) }) {
			cell.setBackgroundColor(SHADE);
			table.addCell(cell);
		}
		table.setSpacingAfter(10);
		return table;
	}

	private PdfPCell cell(String text, int alignment, Color color) {
		PdfPCell cell = new PdfPCell(new Phrase(text, font(8.5f, color)));
		cell.setHorizontalAlignment(alignment);
		cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
		frame(cell);
		return cell;
	}

	private static void frame(PdfPCell cell) {
		cell.setBorderColor(RULE);
		cell.setBorderWidth(0.5f);
		cell.setLeading(0, LEADING);
		cell.setPaddingTop(3);
		cell.setPaddingBottom(5);
	}

	private Paragraph total(NoteView note, CreditNoteWording words) {
		Paragraph total = paragraph(font(10, Color.BLACK));
		total.setAlignment(Element.ALIGN_RIGHT);
		total.add(new Chunk("价税合计 Total incl. VAT   ", font(10, Color.BLACK)));
		Chunk gross = new Chunk("CNY " + money(words.signed(note.gross())), font(14, words.amountColor()));
		gross.setTextRenderMode(PdfContentByte.TEXT_RENDER_MODE_FILL_STROKE, 0.4f, words.amountColor());
		total.add(gross);
		if (note.restockingFee().signum() > 0) {
			// the sales taken back, less what the merchant keeps: what the customer gets
			total.add(Chunk.NEWLINE);
			total.add(new Chunk("退货手续费 Restocking fee   CNY " + money(note.restockingFee()), font(10, Color.BLACK)));
			total.add(Chunk.NEWLINE);
			total.add(new Chunk("实退金额 Refunded   ", font(10, Color.BLACK)));
			total.add(new Chunk("CNY " + money(words.signed(note.paid())), font(12, words.amountColor())));
		}
		total.setSpacingAfter(28);
		return total;
	}

	private PdfPTable signatures(CreditNoteWording words) {
		PdfPTable table = new PdfPTable(3);
		table.setWidthPercentage(100);
		for (String who : new String[] { "经办人 Prepared by", "财务审核 Checked by", words.countersignature() }) {
			PdfPCell cell = new PdfPCell(new Phrase(who + "：", font(8.5f, GREY)));
			cell.setBorder(Rectangle.NO_BORDER);
			cell.setFixedHeight(34);
			table.addCell(cell);
		}
		table.setSpacingAfter(6);
		return table;
	}

	private Paragraph smallPrint(CreditNoteWording words) {
		Paragraph small = new Paragraph(words.smallPrint(), font(7.5f, GREY));
		small.setLeading(11);
		return small;
	}

	// a paragraph's own font sets the space after it: without one that is Helvetica,
	// which
	// is not embedded
	private static Paragraph paragraph(Font font) {
		Paragraph paragraph = new Paragraph();
		paragraph.setFont(font);
		return paragraph;
	}

	private Phrase text(String text) {
		return new Phrase((text != null) ? text : "—", font(10, Color.BLACK));
	}

	private Font font(float size, Color color) {
		return new Font(this.font, size, Font.NORMAL, color);
	}

	/**
	 * An amount as finance writes it: two decimals, thousands grouped, a minus in front.
	 */
	static String money(BigDecimal amount) {
		DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
		return format.format(amount);
	}

	/** A VAT rate such as 0.13 as {@code 13%}. */
	static String percent(BigDecimal rate) {
		return rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
	}

}
