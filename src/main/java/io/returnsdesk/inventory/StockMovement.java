package io.returnsdesk.inventory;

import java.math.BigDecimal;
import java.time.Instant;

import io.returnsdesk.catalog.Product;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/**
 * One row of the stock ledger: a signed change of a product's stock in a warehouse,
 * caused by a line of a document (order, shipment, return).
 */
@Entity
public class StockMovement {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "product_id")
	private Product product;

	private String warehouseCode;

	private int quantity;

	@Enumerated(EnumType.STRING)
	private MovementKind kind;

	private String reference;

	private int referenceLine;

	private Instant at;

	private BigDecimal unitCost;

	private BigDecimal movedValue;

	protected StockMovement() {
	}

	StockMovement(Product product, String warehouseCode, int quantity, MovementKind kind, String reference,
			int referenceLine, Instant at, BigDecimal unitCost, BigDecimal movedValue) {
		this.product = product;
		this.warehouseCode = warehouseCode;
		this.quantity = quantity;
		this.kind = kind;
		this.reference = reference;
		this.referenceLine = referenceLine;
		this.at = at;
		this.unitCost = unitCost;
		this.movedValue = movedValue;
	}

	public Long getId() {
		return this.id;
	}

	public Product getProduct() {
		return this.product;
	}

	public String getWarehouseCode() {
		return this.warehouseCode;
	}

	public int getQuantity() {
		return this.quantity;
	}

	public MovementKind getKind() {
		return this.kind;
	}

	public String getReference() {
		return this.reference;
	}

	public int getReferenceLine() {
		return this.referenceLine;
	}

	public Instant getAt() {
		return this.at;
	}

	/** The cost of a unit it moved at. */
	public BigDecimal getUnitCost() {
		return this.unitCost;
	}

	/**
	 * The value it moved at cost, signed like the quantity: quantity × unit cost, but the
	 * last units on hand take what value is left.
	 */
	public BigDecimal getMovedValue() {
		return this.movedValue;
	}

}
