package io.returnsdesk.returns.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The shares of a customer refund kept as a restocking fee, by the condition the units
 * come back in: restocked (and, before the warehouse counted them, every unit asked for),
 * or written off.
 */
public record FeeRates(BigDecimal resaleable, BigDecimal writtenOff) {

	/** No fee at all. */
	public static final FeeRates NONE = new FeeRates(BigDecimal.ZERO, BigDecimal.ZERO);

	/**
	 * The fee of the lines: each condition's share of the value of its units at the
	 * original order's prices, rounded half up to the cent.
	 */
	BigDecimal fee(List<ReturnLine> lines) {
		return share(lines, this.resaleable, (line) -> line.getHeldQuantity() - line.getScrappedQuantity())
			.add(share(lines, this.writtenOff, ReturnLine::getScrappedQuantity));
	}

	private static BigDecimal share(List<ReturnLine> lines, BigDecimal rate, ToIntFunction<ReturnLine> units) {
		BigDecimal value = lines.stream()
			.map((line) -> line.getUnitPrice().multiply(BigDecimal.valueOf(units.applyAsInt(line))))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		return value.multiply(rate).setScale(2, RoundingMode.HALF_UP);
	}

}
