package io.returnsdesk.inventory;

import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.returnsdesk.catalog.Product;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stock set aside for a document until it is taken out: an exchange's replacement is
 * checked against the units on hand less those held for other documents, and held, when
 * the exchange is asked for; released when its replacement ships or it no longer asks for
 * it. Each product's level is locked while it is checked, in the order every posting
 * takes the locks, so two requests cannot hold the same last unit.
 */
@Service
public class StockHolds {

	private final StockHoldRepository holds;

	private final StockLevels levels;

	private final StockValuations valuations;

	private final Clock clock;

	StockHolds(StockHoldRepository holds, StockLevels levels, StockValuations valuations, Clock clock) {
		this.holds = holds;
		this.levels = levels;
		this.valuations = valuations;
		this.clock = clock;
	}

	/** Units of a product to hold in a warehouse for a line of a document. */
	public record Hold(Product product, String warehouseCode, int lineNo, int quantity) {

	}

	/**
	 * Makes the document's holds these, replacing those it had; throws
	 * {@link InsufficientStockException} (changing nothing) when a warehouse has fewer
	 * units free than a hold asks for.
	 */
	@Transactional
	public void holdFor(String reference, List<Hold> wanted) {
		this.holds.deleteByReference(reference);
		check(reference, wanted);
		wanted.forEach((hold) -> this.holds.save(new StockHold(hold.product(), hold.warehouseCode(), hold.quantity(),
				reference, hold.lineNo(), this.clock.instant())));
	}

	/**
	 * Throws {@link InsufficientStockException} when a warehouse has fewer units free of
	 * other documents' holds than the document would hold; holds nothing.
	 */
	@Transactional
	public void check(String reference, List<Hold> wanted) {
		Map<StockLevelId, Integer> asked = new HashMap<>();
		wanted.forEach((hold) -> asked.merge(new StockLevelId(hold.product().getId(), hold.warehouseCode()),
				hold.quantity(), Integer::sum));
		asked.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey(
					Comparator.comparing(StockLevelId::productId).thenComparing(StockLevelId::warehouseCode)))
			.forEach((entry) -> requireFree(entry.getKey(), entry.getValue(), reference));
	}

	/** Releases what the document held; nothing when it held nothing. */
	@Transactional
	public void release(String reference) {
		this.holds.deleteByReference(reference);
	}

	/** Units held, by product and warehouse, of the products given. */
	@Transactional(readOnly = true)
	public Map<StockLevelId, Integer> heldOf(Collection<Long> productIds) {
		Map<StockLevelId, Integer> held = new HashMap<>();
		if (!productIds.isEmpty()) {
			this.holds.heldOf(productIds)
				.forEach((row) -> held.put(new StockLevelId((Long) row[0], (String) row[1]),
						((Number) row[2]).intValue()));
		}
		return held;
	}

	private void requireFree(StockLevelId id, int quantity, String reference) {
		// the valuation's lock before the level's, as every posting takes them
		this.valuations.findForUpdate(id.productId());
		int onHand = this.levels.findForUpdate(id).map(StockLevel::getOnHand).orElse(0);
		long free = onHand - this.holds.heldExcept(id.productId(), id.warehouseCode(), reference);
		if (free < quantity) {
			throw new InsufficientStockException(id, (int) Math.max(0, free), quantity, true);
		}
	}

}
