package io.returnsdesk.returns.internal;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;

import io.returnsdesk.returns.ReturnRuleViolation;

/**
 * Text and numbers as a client sent them: checked before they reach the database, and
 * shortened where a message repeats them.
 */
public final class ClientText {

	/** The most characters of a client's value that a message repeats. */
	static final int MAX_SHOWN = 60;

	private ClientText() {
	}

	/**
	 * Throws unless the text holds only characters a person can see (and, when
	 * {@code multiline}, line breaks and tabs). PostgreSQL refuses a NUL character with
	 * an error of its own, other control characters would hide in what the desk shows,
	 * and an unpaired surrogate cannot be written as UTF-8 at all.
	 */
	public static void requireVisible(String field, String label, String text, boolean multiline) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean allowedBreak = multiline && (c == '\n' || c == '\r' || c == '\t');
			if (Character.isISOControl(c) && !allowedBreak) {
				throw new ReturnRuleViolation(field,
						"%s contains a control character (U+%04X); remove it".formatted(label, (int) c));
			}
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				throw new ReturnRuleViolation(field,
						"%s contains half a character (U+%04X) that cannot be stored".formatted(label, (int) c));
			}
		}
	}

	/** The text stripped; throws with the message when there is none. */
	public static String required(String field, String text, String message) {
		if (text == null || text.isBlank()) {
			throw new ReturnRuleViolation(field, message);
		}
		return text.strip();
	}

	/** The value as a message repeats it: at most {@value #MAX_SHOWN} characters. */
	public static String shown(String value) {
		if (value == null || value.length() <= MAX_SHOWN) {
			return value;
		}
		int cut = MAX_SHOWN;
		if (Character.isLowSurrogate(value.charAt(cut))) {
			cut--;
		}
		return value.substring(0, cut) + "… (%d characters)".formatted(value.length());
	}

	/**
	 * A number as a message repeats it: plain digits while they are few, else in
	 * scientific notation, so that 1e999999999 is never written out in full.
	 */
	public static String shown(BigDecimal number) {
		String plain = (Math.abs((long) number.scale()) <= MAX_SHOWN) ? number.toPlainString() : number.toString();
		return shown(plain);
	}

	/** An amount as messages and mails write it: {@code 1,234.50}. */
	public static String money(BigDecimal amount) {
		return String.format("%,.2f", amount);
	}

	/**
	 * The constant of an enum that the client named, ignoring case and spaces around it;
	 * throws, listing the choices, when the value names none.
	 */
	public static <E extends Enum<E>> E choice(Class<E> type, String field, String value) {
		if (value == null || value.isBlank()) {
			throw new ReturnRuleViolation(field, "Choose a %s: %s".formatted(field, choices(type)));
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new ReturnRuleViolation(field,
					"'%s' is not a %s; choose one of %s".formatted(shown(value), field, choices(type)));
		}
	}

	private static String choices(Class<? extends Enum<?>> type) {
		return String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
	}

}
