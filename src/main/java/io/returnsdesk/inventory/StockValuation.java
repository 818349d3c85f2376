package io.returnsdesk.inventory;

import java.math.BigDecimal;
import java.math.RoundingMode;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * The units of a product on hand in all warehouses and their value at cost: the moving
 * average is their quotient. Changed only together with a movement.
 */
@Entity
class StockValuation {

	@Id
	private Long productId;

	private long quantity;

	@Column(name = "total_value")
	private BigDecimal value;

	@Version
	private long version;

	protected StockValuation() {
	}

	StockValuation(Long productId) {
		this.productId = productId;
		this.value = BigDecimal.ZERO.setScale(2);
	}

	/**
	 * The value of units moved, at the cost given or else at the moving average; units
	 * going out take no more value than there is, and the last units on hand take what is
	 * left, so that no value stays behind without units.
	 */
	BigDecimal valueOf(int units, BigDecimal unitCost) {
		BigDecimal moved = ((unitCost != null) ? unitCost : averageCost()).multiply(BigDecimal.valueOf(units))
			.setScale(2, RoundingMode.HALF_UP);
		if (units >= 0) {
			return moved;
		}
		boolean last = -units >= this.quantity;
		return (last || moved.negate().compareTo(this.value) > 0) ? this.value.negate() : moved;
	}

	void move(int units, BigDecimal value) {
		this.quantity += units;
		this.value = this.value.add(value);
		if (this.quantity == 0 && this.value.signum() != 0) {
			// valueOf gives the last units what value is left
			throw new IllegalStateException(
					"Product %d has no units on hand but a value of %s".formatted(this.productId, this.value));
		}
	}

	/**
	 * The moving average cost of a unit, rounded to the cent; zero with nothing on hand.
	 */
	public BigDecimal averageCost() {
		return (this.quantity > 0) ? this.value.divide(BigDecimal.valueOf(this.quantity), 2, RoundingMode.HALF_UP)
				: BigDecimal.ZERO.setScale(2);
	}

	public Long getProductId() {
		return this.productId;
	}

	public long getQuantity() {
		return this.quantity;
	}

	public BigDecimal getValue() {
		return this.value;
	}

}
