package io.returnsdesk.sales;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.returnsdesk.catalog.Product;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;

/**
 * Goods that left (sales) or arrived (purchase) for an order: the original fulfilment or
 * a replacement for an exchanged return.
 */
@Entity
class Shipment {

	/** Why goods moved for the order. */
	public enum Kind {

		ORIGINAL, REPLACEMENT

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "order_id")
	private TradeOrder order;

	@Enumerated(EnumType.STRING)
	private Kind kind;

	private String returnNumber;

	private String warehouseCode;

	private Instant shippedAt;

	@OneToMany(mappedBy = "shipment", cascade = CascadeType.ALL)
	private List<ShipmentLine> lines = new ArrayList<>();

	protected Shipment() {
	}

	Shipment(TradeOrder order, Kind kind, String returnNumber, String warehouseCode, Instant shippedAt) {
		this.order = order;
		this.kind = kind;
		this.returnNumber = returnNumber;
		this.warehouseCode = warehouseCode;
		this.shippedAt = shippedAt;
	}

	void add(TradeOrderLine line, int quantity) {
		add(line, line.getProduct(), quantity);
	}

	/**
	 * Ships units of an article for the line: its own count as fulfilling it (and can be
	 * returned on it); another article, an exchange's replacement, does not.
	 */
	void add(TradeOrderLine line, Product product, int quantity) {
		this.lines.add(new ShipmentLine(this, line, product, quantity));
		if (product.getId().equals(line.getProduct().getId())) {
			line.fulfil(quantity);
		}
	}

	public Long getId() {
		return this.id;
	}

	public Kind getKind() {
		return this.kind;
	}

	public String getReturnNumber() {
		return this.returnNumber;
	}

	public String getWarehouseCode() {
		return this.warehouseCode;
	}

	public Instant getShippedAt() {
		return this.shippedAt;
	}

	public List<ShipmentLine> getLines() {
		return this.lines;
	}

}
