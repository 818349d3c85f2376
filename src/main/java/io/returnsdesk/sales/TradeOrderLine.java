package io.returnsdesk.sales;

import java.math.BigDecimal;

import io.returnsdesk.catalog.Product;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/**
 * One article of an original order, with the quantity shipped or received so far.
 */
@Entity
public class TradeOrderLine {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "order_id")
	private TradeOrder order;

	private int lineNo;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "product_id")
	private Product product;

	private int quantity;

	private int fulfilledQuantity;

	private BigDecimal unitPrice;

	private BigDecimal vatRate;

	// null until the units moved
	private BigDecimal unitCost;

	protected TradeOrderLine() {
	}

	TradeOrderLine(TradeOrder order, int lineNo, Product product, int quantity, BigDecimal unitPrice) {
		this.order = order;
		this.lineNo = lineNo;
		this.product = product;
		this.quantity = quantity;
		this.unitPrice = unitPrice;
		this.vatRate = product.getVatRate();
	}

	void costs(BigDecimal unitCost) {
		this.unitCost = unitCost;
	}

	void fulfil(int quantity) {
		this.fulfilledQuantity += quantity;
	}

	public Long getId() {
		return this.id;
	}

	public TradeOrder getOrder() {
		return this.order;
	}

	public int getLineNo() {
		return this.lineNo;
	}

	public Product getProduct() {
		return this.product;
	}

	public int getQuantity() {
		return this.quantity;
	}

	/**
	 * Units shipped to the customer or received from the supplier, replacements included.
	 */
	public int getFulfilledQuantity() {
		return this.fulfilledQuantity;
	}

	/** The price of a unit, VAT included. */
	public BigDecimal getUnitPrice() {
		return this.unitPrice;
	}

	/** The VAT rate of the line's price, the product's when the order was placed. */
	public BigDecimal getVatRate() {
		return this.vatRate;
	}

	/**
	 * What a unit left the warehouse at (sales) or came in at (purchases), or null while
	 * none has moved.
	 */
	public BigDecimal getUnitCost() {
		return this.unitCost;
	}

	public BigDecimal getAmount() {
		return this.unitPrice.multiply(BigDecimal.valueOf(this.quantity));
	}

}
