package io.returnsdesk.inventory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.EnumMap;
import java.util.Map;
import java.util.Comparator;
import java.util.List;

import io.returnsdesk.catalog.StoreScope;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts stock movements at cost and keeps every stock level equal to the sum of its
 * movements, and every product's value on hand equal to the sum of their values.
 */
@Service
public class StockLedger {

	// a fixed lock order keeps two postings of the same products from deadlocking
	private static final Comparator<StockChange> LOCK_ORDER = Comparator
		.comparing((StockChange c) -> c.product().getId())
		.thenComparing(StockChange::warehouseCode);

	private final StockLevels levels;

	private final StockMovements movements;

	private final StockValuations valuations;

	private final Clock clock;

	StockLedger(StockLevels levels, StockMovements movements, StockValuations valuations, Clock clock) {
		this.levels = levels;
		this.movements = movements;
		this.valuations = valuations;
		this.clock = clock;
	}

	/**
	 * Posts each change once: a change whose document line already moved stock of that
	 * kind is skipped, so a retried step adds nothing. Fails without any change when a
	 * level would go negative. Answers the movements posted, each with the cost it moved
	 * at; the product's moving average follows every one.
	 */
	@Transactional
	public List<StockMovement> post(List<StockChange> changes) {
		return post(changes, this.clock.instant());
	}

	/** Posts the changes as of the given time (for documents dated in the past). */
	@Transactional
	public List<StockMovement> post(List<StockChange> changes, Instant at) {
		return changes.stream().sorted(LOCK_ORDER).filter(this::isNew).map((change) -> apply(change, at)).toList();
	}

	/**
	 * Posts documents one after the other, each exactly as {@link #post(List, Instant)}
	 * would (each change once, no level below zero, the moving average following every
	 * movement), but reads the products' valuations, levels and earlier movements once
	 * for them all instead of once per change: for writing a history of documents at
	 * once, such as the demo's months of orders. Answers each document's movements.
	 */
	@Transactional
	public List<List<StockMovement>> postInTurn(List<Posting> postings) {
		List<Long> productIds = postings.stream()
			.flatMap((posting) -> posting.changes().stream())
			.map((change) -> change.product().getId())
			.distinct()
			.sorted()
			.toList();
		Map<Long, StockValuation> valuations = new HashMap<>();
		Map<StockLevelId, StockLevel> levels = new HashMap<>();
		// in the order every posting takes the locks: valuations before levels, by
		// product
		for (List<Long> ids : chunks(productIds)) {
			this.valuations.findAllForUpdate(ids).forEach((v) -> valuations.put(v.getProductId(), v));
		}
		for (List<Long> ids : chunks(productIds)) {
			this.levels.findAllForUpdate(ids).forEach((level) -> levels.put(level.getId(), level));
		}
		List<String> references = postings.stream()
			.flatMap((posting) -> posting.changes().stream())
			.map(StockChange::reference)
			.distinct()
			.toList();
		Set<List<Object>> posted = new HashSet<>();
		for (List<String> chunk : chunks(references)) {
			this.movements.keysOf(chunk).forEach((key) -> posted.add(List.of(key)));
		}
		List<List<StockMovement>> moved = new ArrayList<>();
		for (Posting posting : postings) {
			moved.add(posting.changes()
				.stream()
				.sorted(LOCK_ORDER)
				.filter((change) -> posted
					.add(List.of(change.reference(), change.referenceLine(), change.kind(), change.product().getId())))
				.map((change) -> {
					StockValuation valuation = valuations.computeIfAbsent(change.product().getId(),
							(id) -> this.valuations.save(new StockValuation(id)));
					StockLevel level = levels.computeIfAbsent(
							new StockLevelId(change.product().getId(), change.warehouseCode()),
							(id) -> this.levels.save(new StockLevel(id)));
					return apply(change, posting.at(), valuation, level);
				})
				.toList());
		}
		return moved;
	}

	private static <T> List<List<T>> chunks(List<T> items) {
		List<List<T>> chunks = new ArrayList<>();
		for (int from = 0; from < items.size(); from += 500) {
			chunks.add(items.subList(from, Math.min(items.size(), from + 500)));
		}
		return chunks;
	}

	/** A document's changes and the time they are posted as of. */
	public record Posting(List<StockChange> changes, Instant at) {

	}

	private boolean isNew(StockChange change) {
		return !this.movements.existsByReferenceAndReferenceLineAndKindAndProductId(change.reference(),
				change.referenceLine(), change.kind(), change.product().getId());
	}

	private StockMovement apply(StockChange change, Instant at) {
		// the product's valuation before its level in a warehouse: a posting that moves
		// one
		// product in two warehouses takes the locks in the order every other posting does
		StockValuation valuation = this.valuations.findForUpdate(change.product().getId())
			.orElseGet(() -> this.valuations.saveAndFlush(new StockValuation(change.product().getId())));
		StockLevelId id = new StockLevelId(change.product().getId(), change.warehouseCode());
		StockLevel level = this.levels.findForUpdate(id).orElseGet(() -> this.levels.saveAndFlush(new StockLevel(id)));
		return apply(change, at, valuation, level);
	}

	private StockMovement apply(StockChange change, Instant at, StockValuation valuation, StockLevel level) {
		level.change(change.quantity());
		BigDecimal unitCost = (change.unitCost() != null) ? change.unitCost() : valuation.averageCost();
		BigDecimal value = valuation.valueOf(change.quantity(), change.unitCost());
		valuation.move(change.quantity(), value);
		return this.movements.save(new StockMovement(change.product(), change.warehouseCode(), change.quantity(),
				change.kind(), change.reference(), change.referenceLine(), at, unitCost, value));
	}

	/** Units on hand of a product in a warehouse, zero where nothing was ever posted. */
	@Transactional(readOnly = true)
	public int onHand(Long productId, String warehouseCode) {
		return this.levels.findById(new StockLevelId(productId, warehouseCode)).map(StockLevel::getOnHand).orElse(0);
	}

	/** Stock levels, optionally of one SKU and one warehouse. */
	@Transactional(readOnly = true)
	public List<StockLevel> levels(String sku, String warehouseCode) {
		return levels(sku, warehouseCode, StoreScope.everyStore());
	}

	/**
	 * Stock levels in the warehouses of the stores (a warehouse of no store is the head
	 * office's), optionally of one SKU and one warehouse.
	 */
	@Transactional(readOnly = true)
	public List<StockLevel> levels(String sku, String warehouseCode, StoreScope scope) {
		return this.levels.search(sku, warehouseCode, scope.isEveryStore(), scope.queryStores());
	}

	/**
	 * The value at cost that movements of the given kinds moved before an instant, per
	 * kind (signed: what came in less what went out).
	 */
	@Transactional(readOnly = true)
	public Map<MovementKind, BigDecimal> valueMoved(Collection<MovementKind> kinds, Instant before) {
		return valueMoved(kinds, before, StoreScope.everyStore());
	}

	/**
	 * The value moved as {@link #valueMoved(Collection, Instant)}, in the stores'
	 * warehouses.
	 */
	@Transactional(readOnly = true)
	public Map<MovementKind, BigDecimal> valueMoved(Collection<MovementKind> kinds, Instant before, StoreScope scope) {
		Map<MovementKind, BigDecimal> moved = new EnumMap<>(MovementKind.class);
		kinds.forEach((kind) -> moved.put(kind, BigDecimal.ZERO.setScale(2)));
		this.movements.valueMoved(kinds, before, scope.isEveryStore(), scope.queryStores())
			.forEach((row) -> moved.put(row.kind(), row.value()));
		return moved;
	}

	/** The value at cost of every unit on hand, in every warehouse. */
	@Transactional(readOnly = true)
	public BigDecimal valueOnHand() {
		return this.valuations.totalValue();
	}

	/**
	 * The value at cost of the units on hand in the warehouses of the stores, each at its
	 * product's moving average; of every unit for every store.
	 */
	@Transactional(readOnly = true)
	public BigDecimal valueOnHand(StoreScope scope) {
		if (scope.isEveryStore()) {
			return valueOnHand();
		}
		return this.levels.valueOnHand(scope.stores()).setScale(2, RoundingMode.HALF_UP);
	}

	/** The moving average cost of a unit of a product, zero with none on hand. */
	@Transactional(readOnly = true)
	public BigDecimal averageCost(Long productId) {
		return this.valuations.findById(productId).map(StockValuation::averageCost).orElse(BigDecimal.ZERO.setScale(2));
	}

	/** The movements of one document (an order, a return), oldest first. */
	@Transactional(readOnly = true)
	public List<StockMovement> movementsOf(String reference) {
		return this.movements.ofDocument(reference);
	}

	/**
	 * The ledger of the warehouses of the stores, optionally of one SKU, one warehouse
	 * and one document, oldest first.
	 */
	@Transactional(readOnly = true)
	public List<StockMovement> movements(String sku, String warehouseCode, String reference, StoreScope scope) {
		return this.movements.search(sku, warehouseCode, reference, scope.isEveryStore(), scope.queryStores());
	}

}
