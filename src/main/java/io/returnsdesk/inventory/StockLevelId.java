package io.returnsdesk.inventory;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A product in a warehouse.
 */
@Embeddable
public record StockLevelId(@Column(name = "product_id") Long productId,
		@Column(name = "warehouse_code") String warehouseCode) implements Serializable {

}
