package io.returnsdesk.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorN;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorSpace;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceCMYKColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceGrayColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceRGBColor;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * A PDF as a reader sees it, read with PDFBox (not the library that wrote it): its pages
 * and their size, its text per page, the text set in red, and the fonts it uses with the
 * font files it carries.
 *
 * @param pages the text of each page
 * @param red the runs of text filled in red, in reading order
 * @param fonts every font the pages and their forms use
 * @param widthPt the first page's width in points
 * @param heightPt the first page's height in points
 */
record PrintedPdf(List<String> pages, List<String> red, List<EmbeddedFont> fonts, float widthPt, float heightPt) {

	/** The whole text. */
	String text() {
		return String.join("\n", this.pages);
	}

	static PrintedPdf read(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			List<String> pages = new ArrayList<>();
			for (int i = 1; i <= document.getNumberOfPages(); i++) {
				PDFTextStripper stripper = new PDFTextStripper();
				stripper.setStartPage(i);
				stripper.setEndPage(i);
				pages.add(stripper.getText(document));
			}
			RedText red = new RedText();
			red.getText(document);
			List<EmbeddedFont> fonts = new ArrayList<>();
			Set<COSName> seen = new HashSet<>();
			for (PDPage page : document.getPages()) {
				fonts(page.getResources(), fonts, seen);
			}
			PDPage first = document.getPage(0);
			return new PrintedPdf(pages, red.runs(), fonts, first.getMediaBox().getWidth(),
					first.getMediaBox().getHeight());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Not a PDF that PDFBox reads", ex);
		}
	}

	private static void fonts(PDResources resources, List<EmbeddedFont> fonts, Set<COSName> seen) throws IOException {
		if (resources == null) {
			return;
		}
		for (COSName name : resources.getFontNames()) {
			PDFont font = resources.getFont(name);
			PDFontDescriptor descriptor = font.getFontDescriptor();
			PDStream file = (descriptor == null) ? null
					: (descriptor.getFontFile2() != null) ? descriptor.getFontFile2() : descriptor.getFontFile3();
			if (seen.add(COSName.getPDFName(font.getName() + "/" + name.getName()))) {
				fonts.add(new EmbeddedFont(
						font.getName(), font.getSubType(), (descriptor != null && descriptor.getFontFile2() != null)
								? "FontFile2" : (file != null) ? "FontFile3" : null,
						(file != null) ? file.toByteArray().length : 0));
			}
		}
		for (COSName name : resources.getXObjectNames()) {
			PDXObject object = resources.getXObject(name);
			if (object instanceof PDFormXObject form) {
				fonts(form.getResources(), fonts, seen);
			}
		}
	}

	/**
	 * A font a PDF uses.
	 *
	 * @param name its name, with the six letters and a plus in front when it is a subset
	 * @param subtype Type0, TrueType, Type1…
	 * @param fontFile the stream that embeds it ({@code FontFile2}, {@code FontFile3}),
	 * or null when the reader has to find the font itself
	 * @param fontFileSize the embedded font's bytes, uncompressed
	 */
	record EmbeddedFont(String name, String subtype, String fontFile, int fontFileSize) {

	}

	/** Collects the words filled in red (such as #C00000). */
	private static final class RedText extends PDFTextStripper {

		private final Set<TextPosition> red = Collections.newSetFromMap(new IdentityHashMap<>());

		private final List<String> runs = new ArrayList<>();

		RedText() {
			addOperator(new SetNonStrokingColorSpace(this));
			addOperator(new SetNonStrokingColor(this));
			addOperator(new SetNonStrokingColorN(this));
			addOperator(new SetNonStrokingDeviceRGBColor(this));
			addOperator(new SetNonStrokingDeviceGrayColor(this));
			addOperator(new SetNonStrokingDeviceCMYKColor(this));
		}

		@Override
		protected void processTextPosition(TextPosition text) {
			super.processTextPosition(text);
			try {
				int rgb = getGraphicsState().getNonStrokingColor().toRGB();
				if (((rgb >> 16) & 0xFF) >= 0x99 && ((rgb >> 8) & 0xFF) < 0x40 && (rgb & 0xFF) < 0x40) {
					this.red.add(text);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		protected void writeString(String text, List<TextPosition> positions) throws IOException {
			super.writeString(text, positions);
			if (!positions.isEmpty() && this.red.containsAll(positions)) {
				this.runs.add(text);
			}
		}

		List<String> runs() {
			return this.runs;
		}

	}

}
