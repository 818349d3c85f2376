package io.returnsdesk.finance;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Numbers of the documents finance signs ({@code JE-yyyyMMdd-NNNN} journal entries,
 * {@code CN-…} credit notes, {@code DN-…} debit notes), counted per kind and day, with no
 * number used twice and none skipped: the kind's row stays locked until the drawing
 * transaction ends, so a number is kept with its document or given back with it.
 */
@Component
class DocumentNumbers {

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private final JdbcTemplate jdbc;

	DocumentNumbers(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The next number of a kind on a day, within the caller's transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	String next(String kind, LocalDate day) {
		this.jdbc.queryForObject("select kind from document_number_kind where kind = ? for update", String.class, kind);
		List<Integer> last = this.jdbc.queryForList(
				"select last_value from document_number_counter where kind = ? and counter_day = ?", Integer.class,
				kind, day);
		int next = last.isEmpty() ? 1 : last.get(0) + 1;
		if (last.isEmpty()) {
			this.jdbc.update("insert into document_number_counter (kind, counter_day, last_value) values (?, ?, 1)",
					kind, day);
		}
		else {
			this.jdbc.update("update document_number_counter set last_value = ? where kind = ? and counter_day = ?",
					next, kind, day);
		}
		return "%s-%s-%04d".formatted(kind, DAY.format(day), next);
	}

}
