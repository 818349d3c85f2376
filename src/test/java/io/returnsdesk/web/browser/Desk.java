package io.returnsdesk.web.browser;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The returns desk as a person works in it: the login, the history, the new return and a
 * return's page.
 */
final class Desk {

	private final Chromium browser;

	Desk(Chromium browser) {
		this.browser = browser;
	}

	/**
	 * A pattern of a day as the desk writes it, en-GB: "7 Dec 2026" (September is "Sep"
	 * or "Sept", after the CLDR version).
	 */
	static String day(LocalDate day) {
		return "%d %s\\w* %d".formatted(day.getDayOfMonth(),
				day.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), day.getYear());
	}

	/** Opens the login page. */
	void openLogin() {
		this.browser.go("/login");
		this.browser.shown("#username");
	}

	/** Opens the login page and logs in on it. */
	void openAndLogIn(String user, String password) {
		openLogin();
		logIn(user, password);
	}

	/** Logs in on the login page that is open and lands where the login leads. */
	void logIn(String user, String password) {
		this.browser.type("#username", user);
		this.browser.type("#password", password);
		this.browser.click("#login-submit");
		this.browser.waitForText("#current-user", user);
	}

	/** The history with its rows loaded: the pager says how many returns there are. */
	void openHistory() {
		this.browser.go("/returns");
		this.browser.text("#page-info");
	}

	void startNewReturn() {
		this.browser.click("#nav-new");
		this.browser.shown("#order-search");
	}

	/** Finds the original order by typing its number, and picks it. */
	void pickOrder(String orderNumber) {
		this.browser.type("#order-search", orderNumber);
		this.browser.click("#order-results button[data-order='" + orderNumber + "']");
		this.browser.waitForText("#order-selected", orderNumber);
		this.browser.waitFor((driver) -> driver.findElement(By.id("item-input")).isEnabled());
	}

	/** Scans a barcode: a scanner types the digits and presses Enter. */
	void scan(String barcode) {
		this.browser.type("#item-input", barcode, Keys.ENTER);
	}

	/**
	 * The quantity field of the line of a SKU on the new return, once the line is there.
	 */
	WebElement lineQuantity(String sku) {
		return this.browser.shown("#lines-table tbody tr[data-sku='" + sku + "'] input.qty");
	}

	void chooseReason(String label) {
		new Select(this.browser.shown("#reason")).selectByVisibleText(label);
	}

	void describe(String detail) {
		this.browser.type("#reason-detail", detail);
	}

	/** Saves and submits the new return; answers the number the desk shows. */
	String save() {
		this.browser.click("#save");
		this.browser.shown("#created");
		return this.browser.text("#created-number");
	}

	/** Opens a return's page and waits until it shows the return. */
	void openReturn(String number) {
		this.browser.go("/returns/" + number);
		this.browser.text("#d-status");
	}

	/** Uploads proof on the return's page that is open; waits for its preview. */
	void upload(Path file) {
		WebElement input = this.browser.driver().findElement(By.id("upload-file"));
		input.sendKeys(file.toAbsolutePath().toString());
		this.browser.click("#upload-submit");
		this.browser.waitForText("#attachment-list", file.getFileName().toString());
	}

	/**
	 * Whether the preview of an attached image has loaded: the browser decoded what the
	 * application served.
	 */
	boolean previewShown(String fileName) {
		WebElement image = this.browser.shown("#attachment-list img[alt='" + fileName + "']");
		// previews load lazily, when they come into view
		this.browser.scrollTo(image);
		return this.browser.waitFor((driver) -> (Boolean) ((JavascriptExecutor) driver)
			.executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", image));
	}

}
