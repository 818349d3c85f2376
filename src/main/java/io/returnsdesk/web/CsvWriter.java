package io.returnsdesk.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes CSV as RFC 4180 has it and as spreadsheets open it safely: UTF-8 with a byte
 * order mark (without it Excel reads Chinese as mojibake), CRLF line ends, quotes where a
 * cell needs them, and a leading apostrophe on cells a spreadsheet would take for a
 * formula.
 */
final class CsvWriter implements AutoCloseable {

	private static final char BYTE_ORDER_MARK = '\uFEFF';

	private static final String FORMULA_STARTS = "=+-@\t\r";

	private final Writer out;

	CsvWriter(OutputStream out) throws IOException {
		this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
		this.out.write(BYTE_ORDER_MARK);
	}

	void row(List<String> cells) throws IOException {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				this.out.write(',');
			}
			this.out.write(cell(cells.get(i)));
		}
		this.out.write("\r\n");
	}

	/** One cell as written: null is empty. */
	static String cell(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		String text = (FORMULA_STARTS.indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		boolean quoted = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
				|| text.indexOf('\r') >= 0;
		return quoted ? '"' + text.replace("\"", "\"\"") + '"' : text;
	}

	@Override
	public void close() throws IOException {
		this.out.flush();
	}

}
