package io.returnsdesk.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import io.returnsdesk.catalog.Party;
import io.returnsdesk.catalog.PartyKind;
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
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;

/**
 * An original order: a sale to a customer or a purchase from a supplier, the document
 * every return refers to.
 */
@Entity
public class TradeOrder {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String number;

	@Enumerated(EnumType.STRING)
	private OrderType type;

	@Enumerated(EnumType.STRING)
	private OrderStatus status = OrderStatus.OPEN;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "party_id")
	private Party party;

	private String storeCode;

	private String warehouseCode;

	private LocalDate orderDate;

	private Instant fulfilledAt;

	// the customer's phone as it was when the order was placed: the order keeps the
	// number
	// it was placed and delivered with, whatever the customer's master data says later
	private String customerPhone;

	@OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
	@OrderBy("lineNo")
	private List<TradeOrderLine> lines = new ArrayList<>();

	@OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
	private List<Shipment> shipments = new ArrayList<>();

	@Version
	private long version;

	protected TradeOrder() {
	}

	public TradeOrder(String number, OrderType type, Party party, String storeCode, String warehouseCode,
			LocalDate orderDate) {
		this.number = number;
		this.type = type;
		this.party = party;
		this.storeCode = storeCode;
		this.warehouseCode = warehouseCode;
		this.orderDate = orderDate;
		this.customerPhone = (type == OrderType.SALES && party.getKind() == PartyKind.CUSTOMER) ? party.getPhone()
				: null;
	}

	public TradeOrderLine addLine(Product product, int quantity, BigDecimal unitPrice) {
		if (this.status != OrderStatus.OPEN) {
			throw new IllegalStateException("Order " + this.number + " is already fulfilled");
		}
		TradeOrderLine line = new TradeOrderLine(this, this.lines.size() + 1, product, quantity, unitPrice);
		this.lines.add(line);
		return line;
	}

	/** Ships (sales) or receives (purchase) every line in full. */
	Shipment fulfil(Instant at) {
		if (this.status != OrderStatus.OPEN) {
			throw new IllegalStateException("Order " + this.number + " is already fulfilled");
		}
		Shipment shipment = new Shipment(this, Shipment.Kind.ORIGINAL, null, this.warehouseCode, at);
		this.lines.forEach((line) -> shipment.add(line, line.getQuantity()));
		this.shipments.add(shipment);
		this.status = OrderStatus.FULFILLED;
		this.fulfilledAt = at;
		return shipment;
	}

	/**
	 * Ships replacement goods to the customer, or receives them from the supplier, for an
	 * exchanged return.
	 */
	Shipment shipReplacement(String returnNumber, String warehouseCode, List<ReplacementLine> replacements,
			Instant at) {
		if (this.status != OrderStatus.FULFILLED) {
			throw new IllegalStateException("Order " + this.number + " has not been fulfilled");
		}
		Shipment shipment = new Shipment(this, Shipment.Kind.REPLACEMENT, returnNumber, warehouseCode, at);
		replacements.forEach((replacement) -> shipment.add(line(replacement.lineNo()).orElseThrow(),
				replacement.product(), replacement.quantity()));
		this.shipments.add(shipment);
		return shipment;
	}

	public Optional<TradeOrderLine> line(int lineNo) {
		return this.lines.stream().filter((line) -> line.getLineNo() == lineNo).findFirst();
	}

	public boolean isFulfilled() {
		return this.status == OrderStatus.FULFILLED;
	}

	public BigDecimal getTotal() {
		return this.lines.stream().map(TradeOrderLine::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	public Long getId() {
		return this.id;
	}

	public String getNumber() {
		return this.number;
	}

	public OrderType getType() {
		return this.type;
	}

	public OrderStatus getStatus() {
		return this.status;
	}

	public Party getParty() {
		return this.party;
	}

	public String getStoreCode() {
		return this.storeCode;
	}

	public String getWarehouseCode() {
		return this.warehouseCode;
	}

	public LocalDate getOrderDate() {
		return this.orderDate;
	}

	public Instant getFulfilledAt() {
		return this.fulfilledAt;
	}

	/**
	 * The customer's phone number as it was when the sales order was placed; none for a
	 * purchase, or an order placed before phones were kept.
	 */
	public String getCustomerPhone() {
		return this.customerPhone;
	}

	public List<TradeOrderLine> getLines() {
		return Collections.unmodifiableList(this.lines);
	}

	public List<Shipment> getShipments() {
		return Collections.unmodifiableList(this.shipments);
	}

}
