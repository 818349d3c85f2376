package io.returnsdesk.returns;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReturnOrders extends JpaRepository<ReturnOrder, Long>, ReturnOrdersByNumber {

	/**
	 * Units of each line of an order held by returns other than the given one: the units
	 * asked for until a return is processed, the units received from then on.
	 */
	@Query("""
			select l.orderLine.id as orderLineId, sum(coalesce(l.receivedQuantity, l.quantity)) as quantity
			from ReturnLine l
			where l.orderLine.order.id = :orderId and l.returnOrder.status <> io.returnsdesk.returns.ReturnStatus.WITHDRAWN
			  and l.returnOrder.id <> :excludedReturnId
			group by l.orderLine.id""")
	List<HeldQuantity> heldQuantities(Long orderId, Long excludedReturnId);

	interface HeldQuantity {

		Long getOrderLineId();

		Long getQuantity();

	}

}
