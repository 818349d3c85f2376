package io.returnsdesk.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

import io.returnsdesk.returns.ReturnSummary;

/**
 * The returns of a search as the rows of a spreadsheet: codes as the API has them, times
 * in the merchant's zone, days as {@code yyyy-MM-dd}, amounts as plain decimals; what is
 * not known yet (the day the goods came back, the units received and written off before
 * processing) as an empty cell; whether the refund is returnless as {@code true} or
 * {@code false}.
 */
final class ReturnCsv {

	static final List<String> HEADER = List.of("Number", "Requested at", "Returned on", "Status", "Type", "Order",
			"Party code", "Party", "Store", "Reason", "Reason detail", "Resolution", "Units asked", "Units received",
			"Units written off", "Total", "Refund method", "Refund amount", "Returnless");

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private ReturnCsv() {
	}

	static void write(List<ReturnSummary> rows, ZoneId zone, CsvWriter csv) throws IOException {
		csv.row(HEADER);
		for (ReturnSummary row : rows) {
			csv.row(Arrays.asList(row.number(), MINUTES.format(row.requestedAt().atZone(zone)), day(row.returnedOn()),
					name(row.status()), name(row.type()), row.orderNumber(), row.partyCode(), row.partyName(),
					row.storeCode(), name(row.reason()), row.reasonDetail(), name(row.resolution()),
					count(row.unitsAsked()), count(row.unitsReceived()), count(row.unitsWrittenOff()),
					plain(row.totalAmount()), name(row.refundMethod()), plain(row.refundAmount()),
					String.valueOf(row.returnless())));
		}
	}

	private static String name(Enum<?> value) {
		return (value != null) ? value.name() : null;
	}

	private static String day(LocalDate day) {
		return (day != null) ? DateTimeFormatter.ISO_LOCAL_DATE.format(day) : null;
	}

	private static String count(Long units) {
		return (units != null) ? units.toString() : null;
	}

	private static String plain(BigDecimal amount) {
		return (amount != null) ? amount.toPlainString() : null;
	}

}
