package io.returnsdesk.returns;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.returnsdesk.catalog.Party;
import io.returnsdesk.catalog.PartyKind;
import io.returnsdesk.catalog.Product;
import io.returnsdesk.sales.TradeOrder;
import io.returnsdesk.support.ReturnDriver;
import io.returnsdesk.support.TestFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;

import static io.returnsdesk.support.TestFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history search counting free text only up to a cap of {@value #CAP} (the subclasses
 * set {@code returns.search.count-cap}), on each database. Words and names are made up
 * afresh, so other tests' returns in the same database match none of them; every page is
 * compared with the exact search (a {@code from} day long ago makes the text no longer
 * the only filter, and the search count everything as it always did).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HistorySearchCountCapScenarios {

	static final int CAP = 3;

	static final String SETTINGS = "returns.search.count-cap=" + CAP;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReturnDriver driver;

	@Autowired
	ReturnHistory history;

	Product strap;

	/** In the reason detail of five returns, written in capitals. */
	String manyWord;

	List<String> many;

	/** In the reason detail of two returns. */
	String twoWord;

	/** In the reason detail of three returns: as many as the cap. */
	String capWord;

	/**
	 * Two Chinese characters, too short for a trigram: in the name of a party with two
	 * returns, in the reason detail of one of them and in that of a return of another
	 * party: three returns, four matching columns.
	 */
	String twoCharacters;

	List<String> byTwoCharacters;

	/** The name of a customer with five returns. */
	String partyName;

	List<String> byPartyName;

	@BeforeEach
	void buildTheHistoryOnce() {
		if (this.strap != null) {
			return;
		}
		this.strap = this.fixtures.product("Watch strap 表带", "19.00", 100);
		this.manyWord = word();
		this.twoWord = word();
		this.capWord = word();
		this.many = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			this.many.add(request(this.fixtures.shippedSale(3, line(this.strap, 1)),
					"Buckle bent " + this.manyWord.toUpperCase()));
		}
		for (int i = 0; i < 2; i++) {
			request(this.fixtures.shippedSale(3, line(this.strap, 1)), "Loose pin " + this.twoWord);
		}
		for (int i = 0; i < 3; i++) {
			request(this.fixtures.shippedSale(3, line(this.strap, 1)), "Wrong colour " + this.capWord);
		}
		this.twoCharacters = chinese();
		Party shop = this.fixtures.party(PartyKind.CUSTOMER, this.twoCharacters + "钟表行 Watch Shop");
		this.byTwoCharacters = new ArrayList<>();
		this.byTwoCharacters.add(request(sale(shop), "表带断了 " + this.twoCharacters + " strap broke"));
		this.byTwoCharacters.add(request(sale(shop), "Scratched glass"));
		this.byTwoCharacters
			.add(request(this.fixtures.shippedSale(3, line(this.strap, 1)), "盒子里有" + this.twoCharacters));
		this.partyName = "Kite Works " + word();
		Party kites = this.fixtures.party(PartyKind.CUSTOMER, this.partyName + " 风筝厂");
		this.byPartyName = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			this.byPartyName.add(request(sale(kites), "Frayed"));
		}
	}

	@Test
	void countsFreeTextOnlyUpToTheCapAndSaysSo() {
		ReturnHistoryPage first = search(this.manyWord, ReturnSort.REQUESTED_AT_DESC, 0, 2);

		assertThat(first.totalExact()).isFalse();
		assertThat(first.page().getTotalElements()).isEqualTo(CAP);
		assertThat(first.page().hasNext()).isTrue();
		assertThat(numbers(first)).containsExactly(this.many.get(4), this.many.get(3));
	}

	@Test
	void pagesPastTheCapWhileRowsComeAndCountsExactlyOnTheLastPage() {
		ReturnHistoryPage second = search(this.manyWord, ReturnSort.REQUESTED_AT_DESC, 1, 2);
		assertThat(second.totalExact()).isFalse();
		assertThat(second.page().getTotalElements()).isEqualTo(5);
		assertThat(second.page().hasNext()).isTrue();
		assertThat(numbers(second)).containsExactly(this.many.get(2), this.many.get(1));

		ReturnHistoryPage last = search(this.manyWord, ReturnSort.REQUESTED_AT_DESC, 2, 2);
		assertThat(last.totalExact()).isTrue();
		assertThat(last.page().getTotalElements()).isEqualTo(5);
		assertThat(last.page().hasNext()).isFalse();
		assertThat(numbers(last)).containsExactly(this.many.get(0));

		ReturnHistoryPage beyond = search(this.manyWord, ReturnSort.REQUESTED_AT_DESC, 9, 2);
		assertThat(beyond.page().getContent()).isEmpty();
		assertThat(beyond.totalExact()).isFalse();
		assertThat(beyond.page().hasNext()).isFalse();
	}

	@Test
	void countsExactlyBelowTheCapAndAtIt() {
		ReturnHistoryPage two = search(this.twoWord, ReturnSort.REQUESTED_AT_DESC, 0, 1);
		assertThat(two.totalExact()).isTrue();
		assertThat(two.page().getTotalElements()).isEqualTo(2);
		assertThat(two.page().hasNext()).isTrue();

		ReturnHistoryPage three = search(this.capWord, ReturnSort.REQUESTED_AT_DESC, 0, 1);
		assertThat(three.totalExact()).isTrue();
		assertThat(three.page().getTotalElements()).isEqualTo(CAP);
	}

	@Test
	void findsTwoChineseCharactersInNamesAndReasonsCountingEachReturnOnce() {
		// a page short of the end: only a count of three, not of four, is exact here
		ReturnHistoryPage found = search(this.twoCharacters, ReturnSort.REQUESTED_AT_DESC, 0, 2);
		assertThat(found.totalExact()).isTrue();
		assertThat(found.page().getTotalElements()).isEqualTo(3);
		assertThat(numbers(found)).containsExactly(this.byTwoCharacters.get(2), this.byTwoCharacters.get(1));

		assertThat(numbers(search(this.twoCharacters, ReturnSort.REQUESTED_AT_DESC, 1, 2)))
			.containsExactly(this.byTwoCharacters.get(0));
	}

	@ParameterizedTest
	@EnumSource(ReturnSort.class)
	void pagesThroughManyMatchesInEveryOrderAsTheExactSearchDoes(ReturnSort sort) {
		for (String text : List.of(this.manyWord, this.partyName.toLowerCase(), this.partyName)) {
			List<String> exact = numbers(this.history.page(exactly(text, sort), PageRequest.of(0, 50)));
			List<String> paged = new ArrayList<>();
			for (int page = 0; page < 10; page++) {
				ReturnHistoryPage found = search(text, sort, page, 2);
				paged.addAll(numbers(found));
				if (!found.page().hasNext()) {
					break;
				}
			}
			assertThat(exact).hasSize(5);
			assertThat(paged).as("%s by %s", text, sort).containsExactlyElementsOf(exact);
		}
		assertThat(numbers(this.history.page(exactly(this.partyName, sort), PageRequest.of(0, 50))))
			.containsExactlyInAnyOrderElementsOf(this.byPartyName);
	}

	private ReturnHistoryPage search(String text, ReturnSort sort, int page, int size) {
		return this.history.page(new ReturnSearch(null, null, null, null, text, null, null, null, sort),
				PageRequest.of(page, size));
	}

	/** The same text and order, counted exactly: not the only filter. */
	private static ReturnSearch exactly(String text, ReturnSort sort) {
		return new ReturnSearch(null, null, LocalDate.of(2000, 1, 1), null, text, null, null, null, sort);
	}

	private static List<String> numbers(ReturnHistoryPage found) {
		Page<ReturnSummary> page = found.page();
		return page.map(ReturnSummary::number).getContent();
	}

	private TradeOrder sale(Party customer) {
		return this.fixtures.shippedSale(this.fixtures.store(), customer, 3, line(this.strap, 1));
	}

	private String request(TradeOrder order, String detail) {
		return this.driver.requestDescribed(order, detail, this.strap, 1);
	}

	/**
	 * Letters no other test writes: six of a to f drawn at random (the letters of a UUID
	 * were fewer than six once in about a hundred draws).
	 */
	private static String word() {
		StringBuilder letters = new StringBuilder("qz");
		for (int i = 0; i < 6; i++) {
			letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(6)));
		}
		return letters.append("wk").toString();
	}

	/** Two Chinese characters picked at random, so that no other return holds them. */
	private static String chinese() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return new String(new int[] { 0x4E00 + random.nextInt(0x5000), 0x4E00 + random.nextInt(0x5000) }, 0, 2);
	}

}
