package io.returnsdesk.inventory;

import io.returnsdesk.catalog.Product;

/**
 * A change of stock asked for by a document line: positive adds units, negative takes
 * them.
 */
public record StockChange(Product product, String warehouseCode, int quantity, MovementKind kind, String reference,
		int referenceLine) {

}
