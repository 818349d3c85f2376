package io.returnsdesk.attachments;

import java.text.Normalizer;

/**
 * Turns the name a client sent with a file into one that is safe to store and to offer
 * for download: the last segment of any path, without control or invisible formatting
 * characters, at most 200 characters.
 */
final class AttachmentFileNames {

	static final int MAX_LENGTH = 200;

	// reserved in Windows file names; a path separator never gets this far
	private static final String RESERVED = "<>:\"|?*";

	// an extension longer than this is not worth keeping when the name is cut
	private static final int MAX_KEPT_EXTENSION = 16;

	private AttachmentFileNames() {
	}

	/**
	 * The safe name of a file whose content is of the given type; "attachment" with the
	 * type's extension when nothing of the original name is left.
	 */
	static String sanitised(String original, AttachmentType type) {
		String name = (original != null) ? Normalizer.normalize(original, Normalizer.Form.NFC) : "";
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		StringBuilder kept = new StringBuilder(name.length());
		name.codePoints().filter(AttachmentFileNames::isVisible).forEach((codePoint) -> {
			if (RESERVED.indexOf(codePoint) >= 0) {
				kept.append('_');
			}
			else {
				kept.appendCodePoint(Character.isWhitespace(codePoint) ? ' ' : codePoint);
			}
		});
		// leading dots hide a file, trailing dots and spaces are dropped by Windows; "."
		// and ".." are left empty
		String safe = strip(kept.toString());
		if (safe.isEmpty()) {
			return "attachment." + type.extension();
		}
		return shortened(safe);
	}

	// control characters, bidirectional overrides and other invisible format characters,
	// and unpaired surrogates (which the database could not store)
	private static boolean isVisible(int codePoint) {
		return switch (Character.getType(codePoint)) {
			case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR,
					Character.PARAGRAPH_SEPARATOR, Character.UNASSIGNED ->
				false;
			default -> true;
		};
	}

	private static String strip(String name) {
		int start = 0;
		int end = name.length();
		while (start < end && (name.charAt(start) == '.' || name.charAt(start) == ' ')) {
			start++;
		}
		while (end > start && (name.charAt(end - 1) == '.' || name.charAt(end - 1) == ' ')) {
			end--;
		}
		return name.substring(start, end);
	}

	// cuts the base name and keeps the extension; never splits a surrogate pair
	private static String shortened(String name) {
		if (name.length() <= MAX_LENGTH) {
			return name;
		}
		int dot = name.lastIndexOf('.');
		String extension = (dot > 0 && name.length() - dot <= MAX_KEPT_EXTENSION) ? name.substring(dot) : "";
		int cut = MAX_LENGTH - extension.length();
		if (Character.isLowSurrogate(name.charAt(cut))) {
			cut--;
		}
		String base = strip(name.substring(0, cut));
		return (base.isEmpty() ? "attachment" : base) + extension;
	}

}
