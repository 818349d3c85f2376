package io.returnsdesk.web;

import java.util.ArrayList;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import io.returnsdesk.web.CreditNoteController.NoteView;

/** The note's number and the page, at the foot of every page. */
final class CreditNotePdfFooter extends PdfPageEventHelper {

	private static final float SIZE = 7.5f;

	private static final float WIDTH = 200;

	private final BaseFont font;

	private final NoteView note;

	// the number of pages is known only at the end: each page's "page 1 of n" is
	// written into its box then
	private final List<PdfTemplate> pages = new ArrayList<>();

	CreditNotePdfFooter(BaseFont font, NoteView note) {
		this.font = font;
		this.note = note;
	}

	@Override
	public void onEndPage(PdfWriter writer, Document document) {
		PdfContentByte canvas = writer.getDirectContent();
		float y = CreditNotePdf.MARGIN - 4;
		canvas.saveState();
		canvas.setColorStroke(CreditNotePdf.RULE);
		canvas.setLineWidth(0.5f);
		canvas.moveTo(document.left(), y + 12);
		canvas.lineTo(document.right(), y + 12);
		canvas.stroke();
		canvas.setColorFill(CreditNotePdf.GREY);
		canvas.beginText();
		canvas.setFontAndSize(this.font, SIZE);
		canvas.showTextAligned(Element.ALIGN_LEFT, "%s · %s".formatted(this.note.number(), this.note.returnNumber()),
				document.left(), y, 0);
		canvas.endText();
		canvas.restoreState();
		PdfTemplate page = canvas.createTemplate(WIDTH, SIZE * 2);
		canvas.addTemplate(page, document.right() - WIDTH, y - SIZE / 2);
		this.pages.add(page);
	}

	@Override
	public void onCloseDocument(PdfWriter writer, Document document) {
		int count = this.pages.size();
		for (int i = 0; i < count; i++) {
			PdfTemplate page = this.pages.get(i);
			page.beginText();
			page.setFontAndSize(this.font, SIZE);
			page.setColorFill(CreditNotePdf.GREY);
			page.showTextAligned(Element.ALIGN_RIGHT,
					"第 %d 页，共 %d 页 · Page %d of %d".formatted(i + 1, count, i + 1, count), WIDTH, SIZE / 2, 0);
			page.endText();
		}
	}

}
