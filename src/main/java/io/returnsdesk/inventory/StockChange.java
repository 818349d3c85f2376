package io.returnsdesk.inventory;

import java.math.BigDecimal;

import io.returnsdesk.catalog.Product;

/**
 * A change of stock asked for by a document line: positive adds units, negative takes
 * them, each unit at the given cost, or, where none is given, at the product's moving
 * average.
 */
public record StockChange(Product product, String warehouseCode, int quantity, MovementKind kind, String reference,
		int referenceLine, BigDecimal unitCost) {

	/** A change at the product's moving average cost. */
	public StockChange(Product product, String warehouseCode, int quantity, MovementKind kind, String reference,
			int referenceLine) {
		this(product, warehouseCode, quantity, kind, reference, referenceLine, null);
	}

}
