package io.returnsdesk.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.returnsdesk.catalog.StoreScope;
import io.returnsdesk.inventory.MovementKind;
import io.returnsdesk.inventory.StockHolds;
import io.returnsdesk.inventory.StockLedger;
import io.returnsdesk.inventory.StockLevel;
import io.returnsdesk.inventory.StockLevelId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stock levels and the movement ledger.
 */
@RestController
@Tag(name = "Stock")
@RequestMapping("/api/stock")
class StockController {

	private final StockLedger ledger;

	private final StockHolds holds;

	StockController(StockLedger ledger, StockHolds holds) {
		this.ledger = ledger;
		this.holds = holds;
	}

	@Operation(summary = "Stock levels by SKU and warehouse, in the warehouses of the user's stores",
			description = "Units on hand, of them those held for open exchanges' replacements, and those free.")
	@GetMapping
	List<Level> levels(@RequestParam(required = false) String sku, @RequestParam(required = false) String warehouse,
			StoreScope scope) {
		List<StockLevel> levels = this.ledger.levels(blankToNull(sku), blankToNull(warehouse), scope);
		Map<StockLevelId, Integer> held = this.holds
			.heldOf(levels.stream().map((level) -> level.getId().productId()).distinct().toList());
		return levels.stream().map((level) -> {
			int units = held.getOrDefault(level.getId(), 0);
			return new Level(level.getProduct().getSku(), level.getId().warehouseCode(), level.getOnHand(), units,
					Math.max(0, level.getOnHand() - units));
		}).toList();
	}

	@Operation(summary = "The stock ledger: movements by SKU, warehouse or return, in the warehouses of the "
			+ "user's stores")
	@GetMapping("/movements")
	List<Movement> movements(@RequestParam(required = false) String sku,
			@RequestParam(required = false) String warehouse, @RequestParam(required = false) String returnNumber,
			StoreScope scope) {
		return this.ledger.movements(blankToNull(sku), blankToNull(warehouse), blankToNull(returnNumber), scope)
			.stream()
			.map((m) -> new Movement(m.getProduct().getSku(), m.getWarehouseCode(), m.getQuantity(), m.getKind(),
					m.getReference(), m.getAt()))
			.toList();
	}

	static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/**
	 * Units on hand, of them those held for open exchanges, and those free to sell or
	 * hold.
	 */
	record Level(String sku, String warehouseCode, int onHand, int held, int available) {

	}

	record Movement(String sku, String warehouseCode, int quantity, MovementKind kind, String returnNumber,
			Instant at) {

	}

}
