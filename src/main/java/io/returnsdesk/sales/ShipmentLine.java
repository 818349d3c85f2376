package io.returnsdesk.sales;

import io.returnsdesk.catalog.Product;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/**
 * The units of one order line in a shipment: of its article, or of the article an
 * exchange of it asked for.
 */
@Entity
class ShipmentLine {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "shipment_id")
	private Shipment shipment;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "order_line_id")
	private TradeOrderLine orderLine;

	// the order line's article, or an exchange's replacement for it
	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "product_id")
	private Product product;

	private int quantity;

	protected ShipmentLine() {
	}

	ShipmentLine(Shipment shipment, TradeOrderLine orderLine, Product product, int quantity) {
		this.shipment = shipment;
		this.orderLine = orderLine;
		this.product = product;
		this.quantity = quantity;
	}

	public TradeOrderLine getOrderLine() {
		return this.orderLine;
	}

	/** The article shipped: the order line's, or another one an exchange asked for. */
	public Product getProduct() {
		return this.product;
	}

	public int getQuantity() {
		return this.quantity;
	}

}
