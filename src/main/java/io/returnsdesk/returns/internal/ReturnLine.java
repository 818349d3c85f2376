package io.returnsdesk.returns.internal;

import java.math.BigDecimal;
import java.util.List;

import io.returnsdesk.catalog.Product;
import io.returnsdesk.returns.internal.ReturnContent.RequestedLine;
import io.returnsdesk.sales.TradeOrderLine;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/**
 * Units of one original order line that come back, at the price of the original order:
 * the units asked for, and once the warehouse has processed the return, the units that
 * came back (or went to the supplier) and of those the units written off. The units of a
 * returnless refund stay with the customer: none come back, all stay returned. An
 * exchange names the article shipped instead of each unit, and the price it is sold at.
 */
@Entity
public class ReturnLine {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "return_id")
	private ReturnOrder returnOrder;

	private int lineNo;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "order_line_id")
	private TradeOrderLine orderLine;

	private int quantity;

	private BigDecimal unitPrice;

	// null until the return is processed
	private Integer receivedQuantity;

	private int scrappedQuantity;

	// an exchange's replacement and the price it is sold at; null for a refund
	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "exchange_product_id")
	private Product exchangeProduct;

	private BigDecimal exchangeUnitPrice;

	protected ReturnLine() {
	}

	ReturnLine(ReturnOrder returnOrder, int lineNo, RequestedLine requested) {
		this.returnOrder = returnOrder;
		this.lineNo = lineNo;
		replace(requested);
	}

	/**
	 * Makes a return's lines the requested ones, rewriting them in place: line numbers
	 * stay unique while the database applies the change.
	 */
	static void rewrite(ReturnOrder owner, List<ReturnLine> lines, List<RequestedLine> requested) {
		for (int i = 0; i < requested.size(); i++) {
			RequestedLine line = requested.get(i);
			if (i < lines.size()) {
				lines.get(i).replace(line);
			}
			else {
				lines.add(new ReturnLine(owner, i + 1, line));
			}
		}
		while (lines.size() > requested.size()) {
			lines.remove(lines.size() - 1);
		}
	}

	private void replace(RequestedLine requested) {
		this.orderLine = requested.orderLine();
		this.quantity = requested.quantity();
		this.unitPrice = requested.orderLine().getUnitPrice();
		this.exchangeProduct = requested.exchangeProduct();
		this.exchangeUnitPrice = requested.exchangeUnitPrice();
		this.receivedQuantity = null;
		this.scrappedQuantity = 0;
	}

	void receive(int received, int scrapped) {
		this.receivedQuantity = received;
		this.scrappedQuantity = scrapped;
	}

	public Long getId() {
		return this.id;
	}

	public int getLineNo() {
		return this.lineNo;
	}

	public TradeOrderLine getOrderLine() {
		return this.orderLine;
	}

	public String getSku() {
		return this.orderLine.getProduct().getSku();
	}

	public String getName() {
		return this.orderLine.getProduct().getName();
	}

	/** The units asked for. */
	public int getQuantity() {
		return this.quantity;
	}

	/**
	 * The units that came back (or went to the supplier), or null while the return is not
	 * processed.
	 */
	public Integer getReceivedQuantity() {
		return this.receivedQuantity;
	}

	/** Of the units received, those written off instead of restocked. */
	public int getScrappedQuantity() {
		return this.scrappedQuantity;
	}

	/**
	 * The units of the original order line this return holds: those asked for until it is
	 * processed, those received from then on; a returnless refund's, those asked for.
	 */
	public int getHeldQuantity() {
		if (this.returnOrder.isReturnless()) {
			return this.quantity;
		}
		return (this.receivedQuantity != null) ? this.receivedQuantity : this.quantity;
	}

	/**
	 * The units that come back (or go to the supplier): those the line holds, none of a
	 * returnless refund.
	 */
	public int getReturnedUnits() {
		return this.returnOrder.isReturnless() ? 0 : getHeldQuantity();
	}

	public BigDecimal getUnitPrice() {
		return this.unitPrice;
	}

	/**
	 * An exchange's replacement: the line's own article, or another; null for a refund.
	 */
	public Product getExchangeProduct() {
		return this.exchangeProduct;
	}

	/** The price a unit of the replacement is sold at; null for a refund. */
	public BigDecimal getExchangeUnitPrice() {
		return this.exchangeUnitPrice;
	}

	/**
	 * What the replacements of the units the line holds cost more (positive: the customer
	 * pays it) or less (negative: the customer gets it back) than the units returned;
	 * zero for a refund.
	 */
	public BigDecimal getPriceDifference() {
		if (this.exchangeUnitPrice == null) {
			return BigDecimal.ZERO.setScale(2);
		}
		return this.exchangeUnitPrice.subtract(this.unitPrice).multiply(BigDecimal.valueOf(getReturnedUnits()));
	}

	/** The value of the units the line holds, at the original order's price. */
	public BigDecimal getAmount() {
		return this.unitPrice.multiply(BigDecimal.valueOf(getHeldQuantity()));
	}

}
