package io.returnsdesk.returns.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.returnsdesk.catalog.StoreScope;
import io.returnsdesk.returns.ReturnNotFoundException;
import io.returnsdesk.sales.TradeOrder;
import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ReturnOrders extends JpaRepository<ReturnOrder, Long>, ReturnOrdersByNumber {

	/**
	 * Units of each line of an order held by returns other than the given one: the units
	 * asked for until a return is processed, the units received from then on; a
	 * returnless refund's, the units asked for ({@link ReturnLine#getHeldQuantity()}).
	 */
	@Query("""
			select l.orderLine.id as orderLineId,
			       sum(case when l.returnOrder.returnless = true then l.quantity
			                else coalesce(l.receivedQuantity, l.quantity) end) as quantity
			from ReturnLine l
			where l.orderLine.order.id = :orderId and l.returnOrder.status <> io.returnsdesk.returns.ReturnStatus.WITHDRAWN
			  and l.returnOrder.id <> :excludedReturnId
			group by l.orderLine.id""")
	List<HeldQuantity> heldQuantities(Long orderId, Long excludedReturnId);

	/**
	 * The return of this number; throws {@link ReturnNotFoundException} when none has it.
	 */
	default ReturnOrder getByNumber(String number) {
		return findByNumber(number).orElseThrow(() -> new ReturnNotFoundException(number));
	}

	/**
	 * The return of this number when its original order is of one of the stores; throws
	 * {@link ReturnNotFoundException} otherwise, as when none has it.
	 */
	default ReturnOrder getByNumber(String number, StoreScope scope) {
		return findByNumberWithin(number, scope.isEveryStore(), scope.queryStores())
			.orElseThrow(() -> new ReturnNotFoundException(number));
	}

	@Query("""
			select r from ReturnOrder r
			where r.number = :number and (:everyStore = true or r.order.storeCode in :stores)""")
	Optional<ReturnOrder> findByNumberWithin(String number, boolean everyStore, Collection<String> stores);

	/**
	 * Units of each line of the order (by line number) that a new return, or a revision
	 * of the given one, may take: those shipped (or received) less those other returns
	 * hold.
	 */
	default Map<Integer, Integer> returnable(TradeOrder order, Long revisedReturnId) {
		Map<Long, Long> held = new HashMap<>();
		heldQuantities(order.getId(), (revisedReturnId != null) ? revisedReturnId : -1L)
			.forEach((h) -> held.put(h.getOrderLineId(), h.getQuantity()));
		Map<Integer, Integer> returnable = new HashMap<>();
		order.getLines()
			.forEach((line) -> returnable.put(line.getLineNo(),
					(int) Math.max(0, line.getFulfilledQuantity() - held.getOrDefault(line.getId(), 0L))));
		return returnable;
	}

	/** The return with its order and the order's party, in one query, or none. */
	@Query("select r from ReturnOrder r join fetch r.order o join fetch o.party where r.number = :number")
	Optional<ReturnOrder> findWithOrderAndParty(String number);

	/** The return, its row locked until the transaction ends. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from ReturnOrder r where r.number = :number")
	Optional<ReturnOrder> lockByNumber(String number);

	interface HeldQuantity {

		Long getOrderLineId();

		Long getQuantity();

	}

}
