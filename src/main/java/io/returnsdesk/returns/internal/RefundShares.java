package io.returnsdesk.returns.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A refund shared among the lines it pays for, pro rata to the value of their units
 * (held: received once processed): every line but the last gets its share rounded half up
 * to the cent, the last what is left, so that the shares add up to the refund exactly.
 */
final class RefundShares {

	private RefundShares() {
	}

	/** Each line with units, and its share of the refund. */
	static List<Share> of(List<ReturnLine> lines, BigDecimal refund) {
		List<ReturnLine> paid = lines.stream().filter((line) -> line.getHeldQuantity() > 0).toList();
		BigDecimal total = paid.stream().map(ReturnLine::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
		List<Share> shares = new ArrayList<>();
		BigDecimal given = BigDecimal.ZERO;
		for (int i = 0; i < paid.size(); i++) {
			ReturnLine line = paid.get(i);
			BigDecimal share;
			if (i == paid.size() - 1) {
				share = refund.subtract(given);
			}
			else {
				share = (total.signum() == 0) ? BigDecimal.ZERO
						: refund.multiply(line.getAmount()).divide(total, 2, RoundingMode.HALF_UP);
			}
			given = given.add(share);
			shares.add(new Share(line, share.setScale(2)));
		}
		return shares;
	}

	/** A line and the part of the refund it stands for. */
	record Share(ReturnLine line, BigDecimal gross) {

	}

}
