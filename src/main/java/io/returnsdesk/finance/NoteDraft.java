package io.returnsdesk.finance;

import java.math.BigDecimal;
import java.util.List;

import io.returnsdesk.catalog.VatRate;

/**
 * A note to issue for a confirmed return: to whom, for which order, and its lines.
 *
 * @param kind a credit note to a customer or a debit note to a supplier
 * @param returnNumber the return, which has one note
 * @param orderNumber the original order
 * @param partyCode the customer or supplier
 * @param partyName their name
 * @param storeCode the store of the order
 * @param refundMethod how the customer is refunded, or null
 * @param lines the units credited and their amounts
 */
public record NoteDraft(CreditNote.Kind kind, String returnNumber, String orderNumber, String partyCode,
		String partyName, String storeCode, String refundMethod, List<Line> lines, BigDecimal restockingFee) {

	/** A note without a restocking fee. */
	public NoteDraft(CreditNote.Kind kind, String returnNumber, String orderNumber, String partyCode, String partyName,
			String storeCode, String refundMethod, List<Line> lines) {
		this(kind, returnNumber, orderNumber, partyCode, partyName, storeCode, refundMethod, lines,
				BigDecimal.ZERO.setScale(2));
	}

	/**
	 * Units of a product credited: their gross amount split at its VAT rate into net and
	 * tax, rounded half up to the cent on the line.
	 */
	public record Line(String sku, String name, int quantity, BigDecimal unitPrice, BigDecimal vatRate,
			BigDecimal gross) {

		public BigDecimal net() {
			return VatRate.split(this.gross, this.vatRate).net();
		}

		public BigDecimal tax() {
			return VatRate.split(this.gross, this.vatRate).tax();
		}

	}

}
