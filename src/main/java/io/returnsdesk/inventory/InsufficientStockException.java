package io.returnsdesk.inventory;

/**
 * Thrown when a movement would take more units out of a warehouse than it holds, or a
 * hold would set aside more than are free there.
 */
public class InsufficientStockException extends RuntimeException {

	private final transient StockLevelId level;

	private final int available;

	private final int requested;

	InsufficientStockException(StockLevelId level, int onHand, int requested) {
		super("Only %d unit(s) of product %d are on hand in warehouse %s; %d cannot be taken out".formatted(onHand,
				level.productId(), level.warehouseCode(), requested));
		this.level = level;
		this.available = onHand;
		this.requested = requested;
	}

	InsufficientStockException(StockLevelId level, int free, int requested, boolean hold) {
		super("Only %d unit(s) of product %d are free in warehouse %s; %d cannot be held".formatted(free,
				level.productId(), level.warehouseCode(), requested));
		this.level = level;
		this.available = free;
		this.requested = requested;
	}

	/** The product and warehouse short of units. */
	public StockLevelId getLevel() {
		return this.level;
	}

	/** The units there were (on hand, or free of holds). */
	public int getAvailable() {
		return this.available;
	}

	public int getRequested() {
		return this.requested;
	}

}
