package io.returnsdesk.returns;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a return request would come to, before it is saved: its lines at the original
 * order's prices, their value, the restocking fee the policy keeps of it, the refund (the
 * value less the fee; for an exchange, what cheaper replacements leave), whether the
 * customer keeps the goods (a returnless refund: nothing comes back), and for an exchange
 * the price difference of its replacements and what the customer pays for dearer ones.
 * The warehouse prices the fee again on the units that come back.
 */
public record ReturnQuote(BigDecimal totalAmount, BigDecimal restockingFee, BigDecimal refundAmount, boolean returnless,
		BigDecimal priceDifference, BigDecimal exchangeCharge, List<ReturnView.Line> lines) {

}
