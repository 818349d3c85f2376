package io.returnsdesk.sales;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface TradeOrders extends JpaRepository<TradeOrder, Long> {

	// JPQL, not derived from the name: Hibernate keeps the plan of a query string, but
	// translates a derived (criteria) query anew on every call
	@Query("select o from TradeOrder o where o.number = :number")
	Optional<TradeOrder> findByNumber(String number);

	/** The orders of a type in a status with their lines, newest first, in one query. */
	@Query("""
			select distinct o from TradeOrder o join fetch o.party left join fetch o.lines l left join fetch l.product
			where o.type = :type and o.status = :status
			order by o.orderDate desc, o.id desc""")
	List<TradeOrder> findWithLines(OrderType type, OrderStatus status);

	@Query("""
			select o from TradeOrder o
			where o.number = :number and (:everyStore = true or o.storeCode in :stores)""")
	Optional<TradeOrder> findByNumberWithin(String number, boolean everyStore, Collection<String> stores);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select o from TradeOrder o where o.number = :number")
	Optional<TradeOrder> findByNumberForUpdate(String number);

	/** The order with its party, in one query, whatever the order. */
	@Query("select o from TradeOrder o join fetch o.party where o.number = :number")
	Optional<TradeOrder> findWithParty(String number);

	/**
	 * The order, locked; none when it is not of the stores (and then nothing is locked).
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("""
			select o from TradeOrder o
			where o.number = :number and (:everyStore = true or o.storeCode in :stores)""")
	Optional<TradeOrder> findByNumberForUpdateWithin(String number, boolean everyStore, Collection<String> stores);

	@Query(value = """
			select o from TradeOrder o join fetch o.party p
			where (:type is null or o.type = :type) and (:everyStore = true or o.storeCode in :stores)
			  and (:q = '' or lower(o.number) like :pattern escape '\\' or lower(p.name) like :pattern escape '\\'
			       or lower(p.code) = :q)
			order by o.orderDate desc, o.id desc""", countQuery = """
			select count(o) from TradeOrder o join o.party p
			where (:type is null or o.type = :type) and (:everyStore = true or o.storeCode in :stores)
			  and (:q = '' or lower(o.number) like :pattern escape '\\' or lower(p.name) like :pattern escape '\\'
			       or lower(p.code) = :q)""")
	/**
	 * Orders of a type (or all), whose number or party name contains the text, or whose
	 * party code is it: {@code q} lower case and {@code ''} for all, {@code pattern} its
	 * LIKE pattern with a backslash before each wildcard. The escape is named: Hibernate
	 * gives PostgreSQL none unless asked (the standard's default), where H2 takes the
	 * backslash. Only orders of the stores, unless {@code everyStore}.
	 */
	Page<TradeOrder> search(String q, String pattern, OrderType type, boolean everyStore, Collection<String> stores,
			Pageable page);

}
