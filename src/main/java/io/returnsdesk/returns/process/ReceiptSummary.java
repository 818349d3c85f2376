package io.returnsdesk.returns.process;

import io.returnsdesk.returns.ReturnType;
import io.returnsdesk.returns.ReturnView;

/**
 * What came back of a processed return, as finance reads it on the confirmation form, in
 * both languages: "2 of 3 received, 1 written off · …", or that the customer keeps the
 * goods.
 */
final class ReceiptSummary {

	/** What the forms say of a returnless refund. */
	static final String RETURNLESS = "Returnless refund: the customer keeps the goods; nothing came back and no "
			+ "stock moves · 免退货退款：客户保留货品，未退回，不动库存";

	private ReceiptSummary() {
	}

	static String of(ReturnView view) {
		if (view.returnless()) {
			return RETURNLESS;
		}
		int asked = view.lines().stream().mapToInt(ReturnView.Line::quantity).sum();
		int received = view.lines().stream().mapToInt(ReceiptSummary::received).sum();
		int scrapped = view.lines().stream().mapToInt(ReturnView.Line::scrappedQuantity).sum();
		return (view.type() == ReturnType.CUSTOMER)
				? "%d of %d received, %d written off · 实收 %d/%d，报废 %d".formatted(received, asked, scrapped, received,
						asked, scrapped)
				: "%d of %d handed to the supplier · 退回供应商 %d/%d".formatted(received, asked, received, asked);
	}

	/** What came back of the line, or before it was processed every unit asked for. */
	static int received(ReturnView.Line line) {
		return (line.receivedQuantity() != null) ? line.receivedQuantity() : line.quantity();
	}

}
