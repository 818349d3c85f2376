package io.returnsdesk.returns.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.returnsdesk.catalog.VatRate;
import io.returnsdesk.finance.Account;
import io.returnsdesk.finance.JournalLine;
import io.returnsdesk.finance.NoteDraft;

/**
 * What an exchange's replacements change in the books against the units returned: the
 * revenue and output VAT of the replacements sold less those of the units taken back,
 * each split at its own article's VAT rate, and the customer's side of it — the refund of
 * a cheaper replacement, or the charge for a dearer one (with the restocking fee).
 *
 * @param returnedNet net revenue of the units that came back, at the original prices
 * @param returnedTax their output VAT
 * @param replacedNet net revenue of their replacements, at the replacements' prices
 * @param replacedTax their output VAT
 */
record ExchangeDifference(BigDecimal returnedNet, BigDecimal returnedTax, BigDecimal replacedNet,
		BigDecimal replacedTax) {

	static ExchangeDifference of(ReturnOrder order) {
		BigDecimal zero = BigDecimal.ZERO.setScale(2);
		ExchangeDifference sum = new ExchangeDifference(zero, zero, zero, zero);
		for (ReturnLine line : order.getLines()) {
			if (line.getExchangeProduct() == null || line.getReturnedUnits() == 0) {
				continue;
			}
			BigDecimal units = BigDecimal.valueOf(line.getReturnedUnits());
			VatRate.Split returned = VatRate.split(line.getUnitPrice().multiply(units),
					line.getOrderLine().getVatRate());
			VatRate.Split replaced = VatRate.split(line.getExchangeUnitPrice().multiply(units),
					line.getExchangeProduct().getVatRate());
			sum = new ExchangeDifference(sum.returnedNet.add(returned.net()), sum.returnedTax.add(returned.tax()),
					sum.replacedNet.add(replaced.net()), sum.replacedTax.add(replaced.tax()));
		}
		return sum;
	}

	/**
	 * 6001 and 2221.01 by what the replacements sold add (Cr) or take back (Dr); the
	 * refund's account Cr the refund, or Dr the charge. With the restocking fee (Cr 6051,
	 * posted by the caller) the lines balance.
	 */
	List<JournalLine> lines(ReturnOrder order, Account settledThrough) {
		List<JournalLine> lines = new ArrayList<>();
		signed(lines, Account.SALES_REVENUE, this.replacedNet.subtract(this.returnedNet));
		signed(lines, Account.OUTPUT_VAT, this.replacedTax.subtract(this.returnedTax));
		BigDecimal charge = RefundWithinReceivedValue.exchangeCharge(order);
		if (charge.signum() > 0) {
			lines.add(JournalLine.debit(settledThrough, charge));
		}
		lines.add(JournalLine.credit(settledThrough, order.getSettlement().getRefundAmount()));
		return lines;
	}

	/**
	 * The note's lines: each article returned (units, its price) and each other article
	 * sent for it (its units at its price, the amount negative), so that the note's
	 * totals are the entry's revenue and VAT; the same article sent again credits
	 * nothing.
	 */
	static List<NoteDraft.Line> noteLines(ReturnOrder order) {
		List<NoteDraft.Line> lines = new ArrayList<>();
		for (ReturnLine line : order.getLines()) {
			int units = line.getReturnedUnits();
			var replacement = line.getExchangeProduct();
			boolean another = replacement != null
					&& !replacement.getId().equals(line.getOrderLine().getProduct().getId());
			// the same article again: nothing to credit
			BigDecimal gross = another ? line.getUnitPrice().multiply(BigDecimal.valueOf(units))
					: BigDecimal.ZERO.setScale(2);
			lines.add(new NoteDraft.Line(line.getSku(), line.getName(), units, line.getUnitPrice(),
					line.getOrderLine().getVatRate(), gross));
			if (another && units > 0) {
				lines.add(new NoteDraft.Line(replacement.getSku(), replacement.getName(), units,
						line.getExchangeUnitPrice(), replacement.getVatRate(),
						line.getExchangeUnitPrice().multiply(BigDecimal.valueOf(-units))));
			}
		}
		return lines;
	}

	private static void signed(List<JournalLine> lines, Account account, BigDecimal amount) {
		if (amount.signum() > 0) {
			lines.add(JournalLine.credit(account, amount));
		}
		else if (amount.signum() < 0) {
			lines.add(JournalLine.debit(account, amount.negate()));
		}
	}

}
