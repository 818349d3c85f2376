package io.returnsdesk.web.browser;

import org.openqa.selenium.By;

/**
 * Camunda Tasklist 7.24 as a person works in it: log in, open a task, claim it, fill in
 * its Camunda Form (form-js) and complete it.
 */
final class Tasklist {

	private static final String FORM = "[cam-tasklist-form] .fjs-form";

	private final Chromium browser;

	private final String engine;

	/** Tasklist on the named process engine ("default" outside the tests). */
	Tasklist(Chromium browser, String engine) {
		this.browser = browser;
		this.engine = engine;
	}

	void logIn(String user, String password) {
		this.browser.go("/camunda/app/tasklist/" + this.engine + "/");
		this.browser.type("input[ng-model=username]", user);
		this.browser.type("input[ng-model=password]", password);
		this.browser.click("form [type=submit]");
		// the account menu appears once Tasklist knows who is there
		this.browser.shown("li.account");
	}

	/**
	 * Opens a task by its address, as the desk's link and Tasklist's own links do, and
	 * answers the heading of its form.
	 */
	String open(String taskId) {
		this.browser.go("/camunda/app/tasklist/" + this.engine + "/#/?task=" + taskId);
		return this.browser.text(FORM + " .fjs-form-field-text h3");
	}

	/** All the open task's form says. */
	String formText() {
		return this.browser.text(FORM);
	}

	/** Claims the open task; its form can be filled in from then on. */
	void claim() {
		this.browser.click("button.claim");
		this.browser.waitFor((driver) -> driver.findElements(By.cssSelector(".disabled-form")).isEmpty()
				&& driver.findElements(By.cssSelector("button.claim")).isEmpty());
		this.browser.shown(FORM);
	}

	/** Ticks the radio button or checkbox with the given label. */
	void choose(String label) {
		this.browser.click(FORM + " label.fjs-form-field-label", label::equals);
	}

	/** Picks an option of a select field, given by the field's id in the form. */
	void select(String fieldId, String option) {
		String display = FORM + " [id$='-" + fieldId + "-display']";
		this.browser.click(display);
		this.browser.click(".fjs-dropdownlist-item", option::equals);
		this.browser.waitForText(display, option);
	}

	/** Types into a text or number field, given by the field's id in the form. */
	void type(String fieldId, String text) {
		this.browser.type(FORM + " input[id$='-" + fieldId + "']", text);
	}

	/** Writes into a text area, given by the field's id in the form. */
	void write(String fieldId, String text) {
		this.browser.type(FORM + " textarea[id$='-" + fieldId + "']", text);
	}

	/**
	 * Starts a process from Tasklist's "Start process" dialog, opened for the process by
	 * its address as Tasklist's own menu does.
	 */
	void startProcess(String processKey) {
		this.browser.go("/camunda/app/tasklist/" + this.engine + "/#/?processStart=" + processKey);
		this.browser.click(".modal-dialog button[ng-click='startProcessInstance()']");
		this.browser.waitFor((driver) -> driver.findElements(By.cssSelector(".modal-dialog")).isEmpty());
	}

	/** Follows a link in the form, such as the one to a return's page on the desk. */
	void follow(String linkText) {
		this.browser.click(FORM + " a[href]", (text) -> text.contains(linkText));
	}

	void complete() {
		this.browser.click("button[ng-click='complete()']");
	}

}
