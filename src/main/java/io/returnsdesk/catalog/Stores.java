package io.returnsdesk.catalog;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * The merchant's stores.
 */
public interface Stores extends JpaRepository<Store, String> {

	/** The stores a user works for, by code. */
	default List<Store> within(StoreScope scope) {
		return within(scope.isEveryStore(), scope.queryStores());
	}

	@Query("select s from Store s where (:everyStore = true or s.code in :stores) order by s.code")
	List<Store> within(boolean everyStore, Collection<String> stores);

}
