package io.returnsdesk.inventory;

import io.returnsdesk.catalog.Product;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

/**
 * Units of a product on hand in a warehouse; changed only together with a movement.
 */
@Entity
public class StockLevel {

	@EmbeddedId
	private StockLevelId id;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "product_id", insertable = false, updatable = false)
	private Product product;

	private int onHand;

	@Version
	private long version;

	protected StockLevel() {
	}

	StockLevel(StockLevelId id) {
		this.id = id;
	}

	void change(int quantity) {
		if ((long) this.onHand + quantity < 0) {
			throw new InsufficientStockException(this.id, this.onHand, -quantity);
		}
		this.onHand = Math.addExact(this.onHand, quantity);
	}

	public StockLevelId getId() {
		return this.id;
	}

	public Product getProduct() {
		return this.product;
	}

	public int getOnHand() {
		return this.onHand;
	}

}
