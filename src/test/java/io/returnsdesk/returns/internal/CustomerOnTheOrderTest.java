package io.returnsdesk.returns.internal;

import java.time.LocalDate;

import io.returnsdesk.catalog.Party;
import io.returnsdesk.catalog.PartyKind;
import io.returnsdesk.sales.OrderType;
import io.returnsdesk.sales.TradeOrder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerOnTheOrderTest {

	static final Party CUSTOMER = new Party("C1", PartyKind.CUSTOMER, "Wang", null, "139 1234 5678");

	@Test
	void recognisesTheLastFourDigitsOfThePhoneTheSaleWasPlacedWith() {
		assertThat(CustomerOnTheOrder.recognises(sale(CUSTOMER), "5678")).isTrue();
	}

	@Test
	void refusesOtherDigitsNoOrderAnOrderWithoutAPhoneAndAPurchase() {
		assertThat(CustomerOnTheOrder.recognises(sale(CUSTOMER), "5679")).isFalse();
		assertThat(CustomerOnTheOrder.recognises(null, "5678")).isFalse();
		assertThat(CustomerOnTheOrder.recognises(sale(new Party("C2", PartyKind.CUSTOMER, "Li", null)), "0000"))
			.isFalse();
		Party supplier = new Party("V1", PartyKind.SUPPLIER, "Acme", null, "13912345678");
		assertThat(CustomerOnTheOrder
			.recognises(new TradeOrder("PO-1", OrderType.PURCHASE, supplier, "S01", "WH", LocalDate.now()), "5678"))
			.isFalse();
	}

	@Test
	void nothingToCompareWithMatchesNoInputNotEvenNulCharacters() {
		assertThat(CustomerOnTheOrder.recognises(null, "\0\0\0\0")).isFalse();
		assertThat(CustomerOnTheOrder.recognises(sale(new Party("C3", PartyKind.CUSTOMER, "Zhao", null, "12")),
				"\0\0\0\0"))
			.isFalse();
	}

	@Test
	void takesExactlyFourDigitsAsTheLastFour() {
		assertThat(CustomerOnTheOrder.isLastFour("0123")).isTrue();
		assertThat(CustomerOnTheOrder.isLastFour("123")).isFalse();
		assertThat(CustomerOnTheOrder.isLastFour("12345")).isFalse();
		assertThat(CustomerOnTheOrder.isLastFour("12a4")).isFalse();
		assertThat(CustomerOnTheOrder.isLastFour("١٢٣٤")).as("other scripts' digits").isFalse();
		assertThat(CustomerOnTheOrder.isLastFour(null)).isFalse();
	}

	private static TradeOrder sale(Party customer) {
		return new TradeOrder("SO-1", OrderType.SALES, customer, "S01", "WH", LocalDate.now());
	}

}
