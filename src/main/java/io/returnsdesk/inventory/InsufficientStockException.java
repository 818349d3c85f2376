package io.returnsdesk.inventory;

/**
 * Thrown when a movement would take more units out of a warehouse than it holds.
 */
public class InsufficientStockException extends RuntimeException {

	InsufficientStockException(StockLevelId level, int onHand, int requested) {
		super("Only %d unit(s) of product %d are on hand in warehouse %s; %d cannot be taken out".formatted(onHand,
				level.productId(), level.warehouseCode(), requested));
	}

}
