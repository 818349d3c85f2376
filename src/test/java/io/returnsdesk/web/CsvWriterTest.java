package io.returnsdesk.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSV cells as RFC 4180 quotes them and as a spreadsheet opens them without running them.
 */
class CsvWriterTest {

	@ParameterizedTest(name = "[{0}] is written [{1}]")
	@CsvSource(delimiter = '|', quoteCharacter = '`',
			value = { "plain|plain", "上海客户|上海客户", "a,b|`\"a,b\"`", "say \"hi\"|`\"say \"\"hi\"\"\"`",
					"=SUM(A1)|'=SUM(A1)", "+1|'+1", "-1|'-1", "@cmd|'@cmd",
					"=HYPERLINK(\"x\",\"y\")|`\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"`", "a=b|a=b" })
	void quotesWhereNeededAndDisarmsFormulas(String value, String written) {
		assertThat(CsvWriter.cell(value)).isEqualTo(written);
	}

	@Test
	void quotesLineBreaksAndWritesNullAsEmpty() {
		assertThat(CsvWriter.cell("one\ntwo")).isEqualTo("\"one\ntwo\"");
		assertThat(CsvWriter.cell("one\r\ntwo")).isEqualTo("\"one\r\ntwo\"");
		assertThat(CsvWriter.cell("\tindented")).isEqualTo("'\tindented");
		assertThat(CsvWriter.cell(null)).isEmpty();
		assertThat(CsvWriter.cell("")).isEmpty();
	}

	@Test
	void startsWithAByteOrderMarkAndEndsRowsWithCrLf() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (CsvWriter csv = new CsvWriter(bytes)) {
			csv.row(List.of("a", "b"));
			csv.row(Arrays.asList("退货", null));
		}
		byte[] written = bytes.toByteArray();
		assertThat(Arrays.copyOf(written, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		assertThat(new String(written, 3, written.length - 3, StandardCharsets.UTF_8)).isEqualTo("a,b\r\n退货,\r\n");
	}

}
