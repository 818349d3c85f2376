package io.returnsdesk.returns.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import io.returnsdesk.catalog.Product;
import io.returnsdesk.inventory.StockLedger;
import io.returnsdesk.returns.ReturnRuleViolation;

/**
 * The goods of a supplier return leave a warehouse that holds them: stock never goes
 * negative.
 */
final class SupplierReturnFromStock {

	private SupplierReturnFromStock() {
	}

	/** Throws unless the warehouse holds every unit the return sends to the supplier. */
	static void require(ReturnOrder order, String warehouseCode, StockLedger ledger) {
		Map<Product, Integer> leaving = new LinkedHashMap<>();
		order.getLines()
			.forEach((line) -> leaving.merge(line.getOrderLine().getProduct(), line.getHeldQuantity(), Integer::sum));
		leaving.forEach((product, quantity) -> {
			int onHand = ledger.onHand(product.getId(), warehouseCode);
			if (onHand < quantity) {
				throw new ReturnRuleViolation("warehouseCode",
						"Warehouse %s holds %d unit(s) of %s; the supplier return sends %d".formatted(warehouseCode,
								onHand, product.getSku(), quantity));
			}
		});
	}

}
