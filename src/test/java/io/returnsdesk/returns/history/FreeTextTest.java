package io.returnsdesk.returns.history;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which free text a trigram index can narrow down: three letters or digits in a row.
 */
class FreeTextTest {

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', value = { "划痕|false", "电池鼓包|true", "ab|false", "abc|true", "SO-1|false",
			"a-b-c d%e|false", "12_345|true", "dead pixels|true", "王伟|false", "RT-2025|true" })
	void findsATrigramInThreeLettersOrDigitsInARow(String text, boolean trigram) {
		assertThat(FreeText.hasTrigram(text)).isEqualTo(trigram);
	}

}
