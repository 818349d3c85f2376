package io.returnsdesk.returns;

import java.util.Arrays;
import java.util.Optional;

/**
 * The orders the history of returns can be listed in, named as the API names them
 * ({@code requestedAt,desc}). Status sorts by its code, alphabetically.
 */
public enum ReturnSort {

	REQUESTED_AT_DESC("requestedAt,desc"), REQUESTED_AT_ASC("requestedAt,asc"), NUMBER_ASC("number,asc"),
	NUMBER_DESC("number,desc"), TOTAL_AMOUNT_ASC("totalAmount,asc"), TOTAL_AMOUNT_DESC("totalAmount,desc"),
	STATUS_ASC("status,asc"), STATUS_DESC("status,desc");

	private final String parameter;

	ReturnSort(String parameter) {
		this.parameter = parameter;
	}

	/** As the API writes it: property, comma, direction. */
	public String parameter() {
		return this.parameter;
	}

	/** The sort the API names so, ignoring case and spaces. */
	public static Optional<ReturnSort> ofParameter(String text) {
		String wanted = text.replace(" ", "");
		return Arrays.stream(values()).filter((sort) -> sort.parameter.equalsIgnoreCase(wanted)).findFirst();
	}

	/** Every parameter, for messages. */
	public static String parameters() {
		return String.join(", ", Arrays.stream(values()).map(ReturnSort::parameter).toList());
	}

}
