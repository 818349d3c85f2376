package io.returnsdesk.returns;

import java.math.BigDecimal;

import io.returnsdesk.sales.TradeOrderLine;
import jakarta.persistence.Column;
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
 * Units of one original order line that come back, at the price of the original order.
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

	@Enumerated(EnumType.STRING)
	@Column(name = "line_condition")
	private LineCondition condition = LineCondition.RESTOCK;

	protected ReturnLine() {
	}

	ReturnLine(ReturnOrder returnOrder, int lineNo, TradeOrderLine orderLine, int quantity) {
		this.returnOrder = returnOrder;
		this.lineNo = lineNo;
		this.orderLine = orderLine;
		this.quantity = quantity;
		this.unitPrice = orderLine.getUnitPrice();
	}

	void replace(TradeOrderLine orderLine, int quantity) {
		this.orderLine = orderLine;
		this.quantity = quantity;
		this.unitPrice = orderLine.getUnitPrice();
		this.condition = LineCondition.RESTOCK;
	}

	void setCondition(LineCondition condition) {
		this.condition = condition;
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

	public int getQuantity() {
		return this.quantity;
	}

	public BigDecimal getUnitPrice() {
		return this.unitPrice;
	}

	public BigDecimal getAmount() {
		return this.unitPrice.multiply(BigDecimal.valueOf(this.quantity));
	}

	public LineCondition getCondition() {
		return this.condition;
	}

}
