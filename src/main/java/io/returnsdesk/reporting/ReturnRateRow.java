package io.returnsdesk.reporting;

import java.math.BigDecimal;

import org.springframework.lang.Nullable;

/**
 * One row of a return-rate report: a product, store, reason or month and its figures.
 *
 * @param key the SKU, store code, reason code or month ({@code yyyy-MM})
 * @param label the product's or store's name; the key for a reason or month
 * @param shippedQuantity units shipped to customers (received from suppliers)
 * @param returnedQuantity units of confirmed returns: those that came back and those the
 * customers kept on a returnless refund
 * @param returnRate returned / shipped, 4 decimals; null where nothing was shipped
 * @param returnAmount the value of the units returned, at the original orders' prices
 * @param returnlessQuantity of the units returned, those the customers kept (returnless
 * refunds: nothing came back)
 * @param returnlessAmount their value
 * @param flagged the rate is above the threshold
 */
public record ReturnRateRow(String key, String label, long shippedQuantity, long returnedQuantity,
		@Nullable BigDecimal returnRate, BigDecimal returnAmount, long returnlessQuantity, BigDecimal returnlessAmount,
		boolean flagged) {

}
