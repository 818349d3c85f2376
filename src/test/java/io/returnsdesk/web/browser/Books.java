package io.returnsdesk.web.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The desk's finance page as finance reads it: a period, its trial balance, inventory at
 * cost against 1405, the journal and the notes.
 */
final class Books {

	private final Chromium browser;

	Books(Chromium browser) {
		this.browser = browser;
	}

	/** Follows the top bar's link to the page and waits until the period is read. */
	void open() {
		this.browser.click("#nav-finance");
		this.browser.waitFor((driver) -> driver.getCurrentUrl().contains("/finance"));
		loaded();
	}

	/** Picks a period and applies it; waits until the page shows it. */
	void period(String from, String to) {
		this.browser.script("""
				const form = document.getElementById('books-period');
				form.elements.from.value = arguments[0];
				form.elements.to.value = arguments[1];""", from, to);
		this.browser.click("#books-period button[type=submit]");
		this.browser.waitFor((driver) -> driver.getCurrentUrl().endsWith("?from=" + from + "&to=" + to));
		loaded();
	}

	/** The head of a return's entry in the journal: number, date, return, memo. */
	String entry(String returnNumber) {
		return this.browser.text(entryCss(returnNumber) + " tr.entry-head");
	}

	/** The lines of a return's entry: account code, name, debit, credit. */
	List<List<String>> entryLines(String returnNumber, int lines) {
		return this.browser.cells(entryCss(returnNumber) + " tr.entry-line", lines);
	}

	/** Where the return's link in its journal entry leads. */
	String entryLink(String returnNumber) {
		return this.browser.shown(entryCss(returnNumber) + " a.entry-return").getDomAttribute("href");
	}

	/** A return's row of the notes. */
	List<String> note(String returnNumber) {
		return this.browser.cells("#notes tbody tr[data-return='" + returnNumber + "']", 1).get(0);
	}

	/** Where the print link of a return's note leads. */
	String printLink(String returnNumber) {
		return this.browser.shown("#notes tbody tr[data-return='" + returnNumber + "'] a.print")
			.getDomAttribute("href");
	}

	/** Whether the reconciliation's difference is highlighted. */
	boolean differenceHighlighted() {
		WebElement row = this.browser.driver().findElement(By.id("rec-difference-row"));
		return row.getDomAttribute("class") != null && row.getDomAttribute("class").contains("alarm");
	}

	private void loaded() {
		// busy until all four answers are in and shown
		this.browser.waitFor((driver) -> driver.findElements(By.cssSelector("main[aria-busy]")).isEmpty());
		this.browser.shown("#tb-check");
	}

	private static String entryCss(String returnNumber) {
		return "#journal tbody[data-reference='" + returnNumber + "']";
	}

}
