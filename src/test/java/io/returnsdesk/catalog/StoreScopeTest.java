package io.returnsdesk.catalog;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stores a user works for, as the queries are given them.
 */
class StoreScopeTest {

	@Test
	void givesTheQueriesTheStoresOfAUserBoundToStores() {
		StoreScope scope = StoreScope.of(List.of("S02", "S01"));

		assertThat(scope.isEveryStore()).isFalse();
		assertThat(scope.queryStores()).containsExactly("S01", "S02");
		assertThat(scope.includes("S01")).isTrue();
		assertThat(scope.includes("S03")).isFalse();
	}

	@Test
	void givesTheQueriesOfTheHeadOfficeAListThatIsNeverEmpty() {
		StoreScope scope = StoreScope.of(List.of());

		assertThat(scope).isEqualTo(StoreScope.everyStore());
		assertThat(scope.isEveryStore()).isTrue();
		// an empty IN list is not SQL; the queries read isEveryStore first
		assertThat(scope.queryStores()).containsExactly("");
		assertThat(scope.includes("S03")).isTrue();
	}

}
