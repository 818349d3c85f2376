package io.returnsdesk.reporting;

import java.math.BigDecimal;

import org.springframework.lang.Nullable;

/**
 * One row of a return-rate report: units shipped (or received) and returned, the rate
 * returned / shipped (null where nothing was shipped), the value returned, and whether
 * the rate is above the threshold.
 */
public record ReturnRateRow(String key, String label, long shippedQuantity, long returnedQuantity,
		@Nullable BigDecimal returnRate, BigDecimal returnAmount, boolean flagged) {

}
