package io.returnsdesk.sales;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/**
 * The units of one order line in a shipment.
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

	private int quantity;

	protected ShipmentLine() {
	}

	ShipmentLine(Shipment shipment, TradeOrderLine orderLine, int quantity) {
		this.shipment = shipment;
		this.orderLine = orderLine;
		this.quantity = quantity;
	}

	public TradeOrderLine getOrderLine() {
		return this.orderLine;
	}

	public int getQuantity() {
		return this.quantity;
	}

}
