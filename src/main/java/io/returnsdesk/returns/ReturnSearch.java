package io.returnsdesk.returns;

import java.time.LocalDate;

/**
 * What to look for in the history of returns; a null field does not filter.
 *
 * @param status in this status
 * @param type customer or supplier returns
 * @param from requested on this day or later, in the merchant's calendar
 * @param to requested on this day or earlier, in the merchant's calendar
 * @param text a return number, or a part of the number, order number, party name or
 * reason detail
 * @param storeCode of the store of the original order
 * @param party a customer or supplier code, or a part of the name
 * @param sku returns with a line of this SKU
 * @param sort the order of the list, newest first when null
 */
public record ReturnSearch(ReturnStatus status, ReturnType type, LocalDate from, LocalDate to, String text,
		String storeCode, String party, String sku, ReturnSort sort) {

	public ReturnSearch {
		text = blankToNull(text);
		storeCode = blankToNull(storeCode);
		party = blankToNull(party);
		sku = blankToNull(sku);
		sort = (sort != null) ? sort : ReturnSort.REQUESTED_AT_DESC;
	}

	/** Every return, newest first. */
	public static ReturnSearch all() {
		return new ReturnSearch(null, null, null, null, null, null, null, null, null);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
