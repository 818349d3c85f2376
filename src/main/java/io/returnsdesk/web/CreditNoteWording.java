package io.returnsdesk.web;

import java.awt.Color;
import java.math.BigDecimal;

import io.returnsdesk.finance.CreditNote;
import io.returnsdesk.returns.RefundMethod;

/**
 * What a note of each kind is called and how it shows its amounts, in Chinese and
 * English.
 */
record CreditNoteWording(String titleZh, String titleEn, String party, String method, String countersignature,
		String caption, boolean red, String smallPrint) {

	static CreditNoteWording of(CreditNote.Kind kind) {
		if (kind == CreditNote.Kind.DEBIT) {
			return new CreditNoteWording("退货借项通知单", "Debit note", "供应商 Supplier", "结算方式 Settlement", "供应商确认 Supplier",
					"金额单位：人民币元 · Amounts in CNY", false,
					"供应商退货：上列金额为供应商应退还我方的货款（含税）。本通知单由退货系统生成，不作为增值税发票使用。\n"
							+ "Goods returned to the supplier: the amounts above, VAT included, are owed to us. "
							+ "Issued by the returns desk; this is not a VAT invoice (fapiao).");
		}
		return new CreditNoteWording("退货红字凭证", "Credit note", "客户 Customer", "退款方式 Refund method", "客户签收 Customer",
				"金额单位：人民币元，红字以负数列示 · Amounts in CNY, credited amounts shown negative", true,
				"客户退货：上列红字金额冲减原销售收入及销项税额，并退还客户。本凭证由退货系统生成，不作为增值税发票使用。\n"
						+ "Customer return: the amounts in red reverse the original sale and its output VAT "
						+ "and are refunded to the customer. Issued by the returns desk; this is not a VAT "
						+ "invoice (fapiao).");
	}

	Color amountColor() {
		return this.red ? CreditNotePdf.RED : Color.BLACK;
	}

	BigDecimal signed(BigDecimal amount) {
		return this.red ? amount.negate() : amount;
	}

	/** A refund method as the note names it, Chinese first. */
	static String refundMethod(String name) {
		if (name == null) {
			return "—";
		}
		try {
			String label = RefundMethod.valueOf(name).label();
			// "Original payment 原路退回": Chinese first, as on the rest of the note
			int chinese = label.lastIndexOf(' ');
			return label.substring(chinese + 1) + " " + label.substring(0, chinese);
		}
		catch (IllegalArgumentException ex) {
			return name;
		}
	}

}
