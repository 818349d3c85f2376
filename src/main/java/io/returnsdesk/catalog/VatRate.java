package io.returnsdesk.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The rates of VAT (增值税) a price may include: 13 % for most goods, 9 % and 6 % for some,
 * and none.
 */
public final class VatRate {

	/** The standard rate, 13 %. */
	public static final BigDecimal STANDARD = new BigDecimal("0.13");

	/** The rates there are. */
	public static final List<BigDecimal> RATES = List.of(STANDARD, new BigDecimal("0.09"), new BigDecimal("0.06"),
			BigDecimal.ZERO);

	private VatRate() {
	}

	/** The rate, refused when it is not one of {@link #RATES}. */
	public static BigDecimal checked(BigDecimal rate) {
		if (rate == null || RATES.stream().noneMatch((known) -> known.compareTo(rate) == 0)) {
			throw new IllegalArgumentException(
					"%s is not a VAT rate; the rates are 13 %%, 9 %%, 6 %% and 0".formatted(rate));
		}
		return rate.setScale(4);
	}

	/**
	 * An amount that includes VAT at the rate split into its net and its tax: net = gross
	 * / (1 + rate) rounded half up to the cent, tax = gross − net.
	 */
	public static Split split(BigDecimal gross, BigDecimal rate) {
		BigDecimal net = gross.divide(BigDecimal.ONE.add(rate), 2, RoundingMode.HALF_UP);
		return new Split(net, gross.setScale(2).subtract(net));
	}

	/** An amount's net and tax. */
	public record Split(BigDecimal net, BigDecimal tax) {

	}

}
