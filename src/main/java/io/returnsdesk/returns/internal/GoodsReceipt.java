package io.returnsdesk.returns.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.returnsdesk.returns.ReturnRuleViolation;
import io.returnsdesk.returns.ReturnType;

/**
 * What the warehouse recorded of a return's goods (DESIGN.md's process contract): for
 * each line number, the units that came back (or were handed to the supplier) and, of
 * those, the units written off; and the day the goods came back. No map of units received
 * means every line came back in full; none of units written off, that nothing was written
 * off; no day, today. Line numbers are kept as the client wrote them, so that one the
 * return lacks is refused by name.
 *
 * @param receivedQuantities units received per line number, or null
 * @param scrappedQuantities units written off per line number, or null
 * @param returnedOn the day the goods came back, or null
 */
public record GoodsReceipt(Map<String, BigDecimal> receivedQuantities, Map<String, BigDecimal> scrappedQuantities,
		LocalDate returnedOn) {

	static final String RECEIVED = "receivedQuantities";

	static final String SCRAPPED = "scrappedQuantities";

	static final String RETURNED_ON = "returnedOn";

	/** Every unit asked for came back today, none written off. */
	public static GoodsReceipt inFull() {
		return new GoodsReceipt(null, null, null);
	}

	/**
	 * The units received and written off of each of the return's lines; refuses units
	 * that are not whole numbers of zero or more, more received than asked, more written
	 * off than received, a written-off unit of a supplier return, a line the return
	 * lacks, and a return of which nothing came back.
	 */
	Map<ReturnLine, Units> count(String number, ReturnType type, List<ReturnLine> lines) {
		requireKnownLines(number, lines, this.receivedQuantities, RECEIVED);
		requireKnownLines(number, lines, this.scrappedQuantities, SCRAPPED);
		Map<ReturnLine, Units> counted = new LinkedHashMap<>();
		for (ReturnLine line : lines) {
			String lineNo = String.valueOf(line.getLineNo());
			int received = (this.receivedQuantities != null)
					? units(this.receivedQuantities.get(lineNo), line, RECEIVED, "received") : line.getQuantity();
			int scrapped = (this.scrappedQuantities != null)
					? units(this.scrappedQuantities.get(lineNo), line, SCRAPPED, "written off") : 0;
			if (scrapped > 0 && type == ReturnType.SUPPLIER) {
				throw new ReturnRuleViolation(SCRAPPED,
						"Goods of a supplier return are handed to the supplier; none can be written off");
			}
			if (scrapped > received) {
				throw new ReturnRuleViolation(SCRAPPED, "Line %d (%s): %d unit(s) written off, but only %d received"
					.formatted(line.getLineNo(), line.getSku(), scrapped, received));
			}
			counted.put(line, new Units(received, scrapped));
		}
		if (counted.values().stream().allMatch((units) -> units.received() == 0)) {
			throw new ReturnRuleViolation(RECEIVED,
					((type == ReturnType.CUSTOMER) ? "Nothing of return %s came back: record the units when they arrive"
							: "Nothing of return %s was handed to the supplier: record the units when they leave")
						.formatted(number));
		}
		return counted;
	}

	/**
	 * The day the goods came back: today when none is given; never a day to come, nor one
	 * before the return was requested.
	 */
	LocalDate day(LocalDate today, LocalDate requestedOn) {
		if (this.returnedOn == null) {
			return today;
		}
		if (this.returnedOn.isAfter(today)) {
			throw new ReturnRuleViolation(RETURNED_ON,
					"The goods cannot have come back on %s, a day still to come (today is %s)"
						.formatted(this.returnedOn, today));
		}
		if (this.returnedOn.isBefore(requestedOn)) {
			throw new ReturnRuleViolation(RETURNED_ON,
					"The goods cannot have come back on %s, before the return was requested on %s"
						.formatted(this.returnedOn, requestedOn));
		}
		return this.returnedOn;
	}

	private static void requireKnownLines(String number, List<ReturnLine> lines, Map<String, BigDecimal> units,
			String field) {
		if (units == null) {
			return;
		}
		for (String lineNo : units.keySet()) {
			if (lines.stream().noneMatch((line) -> String.valueOf(line.getLineNo()).equals(lineNo))) {
				throw new ReturnRuleViolation(field,
						"Return %s has no line %s".formatted(number, ClientText.shown(lineNo)));
			}
		}
	}

	private static int units(BigDecimal units, ReturnLine line, String field, String what) {
		if (units == null) {
			// a map that names some lines: the lines it leaves out came back in full, or
			// had nothing written off
			return field.equals(RECEIVED) ? line.getQuantity() : 0;
		}
		if (units.signum() < 0 || units.stripTrailingZeros().scale() > 0) {
			throw new ReturnRuleViolation(field,
					"Line %d (%s): the units %s must be a whole number of zero or more, not %s"
						.formatted(line.getLineNo(), line.getSku(), what, ClientText.shown(units)));
		}
		if (units.compareTo(BigDecimal.valueOf(line.getQuantity())) > 0) {
			throw new ReturnRuleViolation(field, "Line %d (%s): %s unit(s) %s, but %d were asked back"
				.formatted(line.getLineNo(), line.getSku(), ClientText.shown(units), what, line.getQuantity()));
		}
		return units.intValueExact();
	}

	/** The units of a line that came back, and of those the units written off. */
	record Units(int received, int scrapped) {

	}

}
