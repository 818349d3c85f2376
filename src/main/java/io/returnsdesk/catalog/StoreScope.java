package io.returnsdesk.catalog;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The stores a user works for: every store (head office: a user in no store group), or
 * the stores of their store groups ({@code storeS01}, …, Camunda groups of type
 * {@value #GROUP_TYPE}). Whatever belongs to another store is, for them, not there.
 */
public final class StoreScope {

	/** The type of the Camunda groups that bind their members to a store. */
	public static final String GROUP_TYPE = "store";

	/** How a store's group is named: this, then the store's code. */
	public static final String GROUP_PREFIX = "store";

	private static final StoreScope EVERY_STORE = new StoreScope(null);

	private final Set<String> stores;

	private StoreScope(Set<String> stores) {
		this.stores = stores;
	}

	/** Head office: every store. */
	public static StoreScope everyStore() {
		return EVERY_STORE;
	}

	/** The stores of these codes; every store where there are none. */
	public static StoreScope of(Collection<String> storeCodes) {
		return storeCodes.isEmpty() ? EVERY_STORE : new StoreScope(Set.copyOf(new TreeSet<>(storeCodes)));
	}

	/** The group that binds its members to the store. */
	public static String groupOf(String storeCode) {
		return GROUP_PREFIX + storeCode;
	}

	/** Whether the user works for every store. */
	public boolean isEveryStore() {
		return this.stores == null;
	}

	/** Whether the store is one the user works for; a thing of no store is everyone's. */
	public boolean includes(String storeCode) {
		return this.stores == null || storeCode == null || this.stores.contains(storeCode);
	}

	/** The stores, in code order; empty for every store. */
	public Set<String> stores() {
		return (this.stores != null) ? new TreeSet<>(this.stores) : Set.of();
	}

	/**
	 * The stores as a query's list, read beside {@link #isEveryStore()} (as in
	 * {@code (:everyStore = true or o.storeCode in :stores)}): for every store a code no
	 * store has, since an empty list is not valid SQL.
	 */
	public Set<String> queryStores() {
		return (this.stores != null) ? stores() : Set.of("");
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof StoreScope scope && java.util.Objects.equals(this.stores, scope.stores);
	}

	@Override
	public int hashCode() {
		return java.util.Objects.hashCode(this.stores);
	}

	@Override
	public String toString() {
		return isEveryStore() ? "every store" : "stores " + String.join(", ", stores());
	}

}
