package io.returnsdesk.catalog;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Gross amounts split into net and tax, as a return's lines are. */
class VatRateTest {

	@Test
	void splitsAGrossAmountAtThirteenPercent() {
		assertThat(VatRate.split(new BigDecimal("226.00"), new BigDecimal("0.13")))
			.isEqualTo(new VatRate.Split(new BigDecimal("200.00"), new BigDecimal("26.00")));
	}

	@Test
	void splitsAGrossAmountAtNineAndSixPercentAndNone() {
		assertThat(VatRate.split(new BigDecimal("109.00"), new BigDecimal("0.09")))
			.isEqualTo(new VatRate.Split(new BigDecimal("100.00"), new BigDecimal("9.00")));
		assertThat(VatRate.split(new BigDecimal("99.00"), new BigDecimal("0.06")))
			.isEqualTo(new VatRate.Split(new BigDecimal("93.40"), new BigDecimal("5.60")));
		assertThat(VatRate.split(new BigDecimal("100.00"), BigDecimal.ZERO))
			.isEqualTo(new VatRate.Split(new BigDecimal("100.00"), new BigDecimal("0.00")));
	}

	@Test
	void roundsTheNetHalfUpToTheCentAndLeavesTheRestToTheTax() {
		// 1.00 / 1.13 = 0.88495…: net 0.88, tax 0.12; three such lines are 2.64 and 0.36,
		// a cent from 3.00 / 1.13 = 2.6549…, which is why entries add up their lines
		assertThat(VatRate.split(new BigDecimal("1.00"), new BigDecimal("0.13")))
			.isEqualTo(new VatRate.Split(new BigDecimal("0.88"), new BigDecimal("0.12")));
		// 10.00 / 1.13 = 8.84955…: up to 8.85
		assertThat(VatRate.split(new BigDecimal("10.00"), new BigDecimal("0.13")))
			.isEqualTo(new VatRate.Split(new BigDecimal("8.85"), new BigDecimal("1.15")));
	}

	@Test
	void knowsOnlyTheRatesThereAre() {
		assertThat(VatRate.checked(new BigDecimal("0.09"))).isEqualByComparingTo("0.09");
		assertThatThrownBy(() -> VatRate.checked(new BigDecimal("0.17"))).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("0.17 is not a VAT rate; the rates are 13 %, 9 %, 6 % and 0");
	}

}
