package io.returnsdesk.system;

/**
 * Text that people typed, made safe to show inside the Markdown of a Camunda Form's text
 * field: shown exactly as typed, never as HTML or formatting. Form-js would strip a
 * script but keep other tags, so a reason of {@code <img src=x>} would become an image.
 */
public final class FormText {

	private static final String MARKDOWN_PUNCTUATION = "\\`*_[](){}#+-.!|~>";

	private FormText() {
	}

	/** The text with HTML's special characters as entities and Markdown's escaped. */
	public static String escape(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder escaped = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> escaped.append("&lt;");
				case '&' -> escaped.append("&amp;");
				case '"' -> escaped.append("&quot;");
				default -> {
					if (MARKDOWN_PUNCTUATION.indexOf(c) >= 0) {
						escaped.append('\\');
					}
					escaped.append(c);
				}
			}
		}
		return escaped.toString();
	}

}
