package io.returnsdesk.notification;

/**
 * Fits text into the columns and headers it goes to.
 */
final class Texts {

	private Texts() {
	}

	/** At most the given number of characters, the cut marked with an ellipsis. */
	static String cut(String text, int max) {
		if (text == null || text.length() <= max) {
			return text;
		}
		return text.substring(0, max - 1) + "…";
	}

	/** Line breaks and other control characters as spaces: a subject is one line. */
	static String oneLine(String text) {
		return (text != null) ? text.replaceAll("\\p{Cntrl}+", " ").strip() : null;
	}

}
