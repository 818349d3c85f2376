package io.returnsdesk.inventory;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts stock movements and keeps every stock level equal to the sum of its movements.
 */
@Service
public class StockLedger {

	private final StockLevels levels;

	private final StockMovements movements;

	private final Clock clock;

	StockLedger(StockLevels levels, StockMovements movements, Clock clock) {
		this.levels = levels;
		this.movements = movements;
		this.clock = clock;
	}

	/**
	 * Posts each change once: a change whose document line already moved stock of that
	 * kind is skipped, so a retried step adds nothing. Fails without any change when a
	 * level would go negative.
	 */
	@Transactional
	public void post(List<StockChange> changes) {
		post(changes, this.clock.instant());
	}

	/** Posts the changes as of the given time (for documents dated in the past). */
	@Transactional
	public void post(List<StockChange> changes, Instant at) {
		// a fixed lock order keeps two postings of the same products from deadlocking
		changes.stream()
			.sorted(Comparator.comparing((StockChange c) -> c.product().getId())
				.thenComparing(StockChange::warehouseCode))
			.filter(this::isNew)
			.forEach((change) -> apply(change, at));
	}

	private boolean isNew(StockChange change) {
		return !this.movements.existsByReferenceAndReferenceLineAndKindAndProductId(change.reference(),
				change.referenceLine(), change.kind(), change.product().getId());
	}

	private void apply(StockChange change, Instant at) {
		StockLevelId id = new StockLevelId(change.product().getId(), change.warehouseCode());
		StockLevel level = this.levels.findForUpdate(id).orElseGet(() -> this.levels.saveAndFlush(new StockLevel(id)));
		level.change(change.quantity());
		this.movements.save(new StockMovement(change.product(), change.warehouseCode(), change.quantity(),
				change.kind(), change.reference(), change.referenceLine(), at));
	}

	/** Units on hand of a product in a warehouse, zero where nothing was ever posted. */
	@Transactional(readOnly = true)
	public int onHand(Long productId, String warehouseCode) {
		return this.levels.findById(new StockLevelId(productId, warehouseCode)).map(StockLevel::getOnHand).orElse(0);
	}

	/** Stock levels, optionally of one SKU and one warehouse. */
	@Transactional(readOnly = true)
	public List<StockLevel> levels(String sku, String warehouseCode) {
		return this.levels.search(sku, warehouseCode);
	}

	/**
	 * The ledger, optionally of one SKU, one warehouse and one document, oldest first.
	 */
	@Transactional(readOnly = true)
	public List<StockMovement> movements(String sku, String warehouseCode, String reference) {
		return this.movements.search(sku, warehouseCode, reference);
	}

}
