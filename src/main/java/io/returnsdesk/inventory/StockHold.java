package io.returnsdesk.inventory;

import java.time.Instant;

import io.returnsdesk.catalog.Product;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/**
 * Units of a product in a warehouse set aside for a document's line (an exchange's
 * replacement): they stay on hand, but no other hold can take them.
 */
@Entity
class StockHold {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "product_id")
	private Product product;

	private String warehouseCode;

	private int quantity;

	private String reference;

	private int lineNo;

	private Instant heldAt;

	protected StockHold() {
	}

	StockHold(Product product, String warehouseCode, int quantity, String reference, int lineNo, Instant heldAt) {
		this.product = product;
		this.warehouseCode = warehouseCode;
		this.quantity = quantity;
		this.reference = reference;
		this.lineNo = lineNo;
		this.heldAt = heldAt;
	}

	Product getProduct() {
		return this.product;
	}

	String getWarehouseCode() {
		return this.warehouseCode;
	}

	int getQuantity() {
		return this.quantity;
	}

	String getReference() {
		return this.reference;
	}

}
