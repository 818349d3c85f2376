package io.returnsdesk.returns;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReturnOrders extends JpaRepository<ReturnOrder, Long> {

	Optional<ReturnOrder> findByNumber(String number);

	/** Units of each line of an order held by returns other than the given one. */
	@Query("""
			select l.orderLine.id as orderLineId, sum(l.quantity) as quantity
			from ReturnLine l
			where l.orderLine.order.id = :orderId and l.returnOrder.status <> io.returnsdesk.returns.ReturnStatus.WITHDRAWN
			  and l.returnOrder.id <> :excludedReturnId
			group by l.orderLine.id""")
	List<HeldQuantity> heldQuantities(Long orderId, Long excludedReturnId);

	@Query(value = """
			select r from ReturnOrder r join fetch r.order o join fetch o.party p
			where (:status is null or r.status = :status)
			  and (:pattern = '%' or lower(r.number) like :pattern or lower(o.number) like :pattern
			       or lower(p.name) like :pattern or lower(r.reasonDetail) like :pattern)
			order by r.requestedAt desc, r.id desc""", countQuery = """
			select count(r) from ReturnOrder r join r.order o join o.party p
			where (:status is null or r.status = :status)
			  and (:pattern = '%' or lower(r.number) like :pattern or lower(o.number) like :pattern
			       or lower(p.name) like :pattern or lower(r.reasonDetail) like :pattern)""")
	/** Returns in a status (or all) whose text matches the lower-case LIKE pattern. */
	Page<ReturnOrder> search(String pattern, ReturnStatus status, Pageable page);

	interface HeldQuantity {

		Long getOrderLineId();

		Long getQuantity();

	}

}
