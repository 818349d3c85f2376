package io.returnsdesk.returns;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A customer's order as the public page shows it to its customer: its lines with what was
 * shipped and what may still be returned; no staff, no store, no cost.
 */
@Schema(name = "CustomerOrder")
public record CustomerOrderView(String number, LocalDate date, boolean shipped, List<Line> lines) {

	/** An article of the order: shipped units, the units still returnable, the price. */
	@Schema(name = "CustomerOrderLine")
	public record Line(String sku, String name, int shippedQuantity, int returnableQuantity, BigDecimal unitPrice) {

	}

}
