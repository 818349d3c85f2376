package io.returnsdesk.web.browser;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * Camunda Tasklist 7.24 as a person works in it: log in, open a task, claim it, fill in
 * its Camunda Form (form-js) and complete it.
 */
final class Tasklist {

	static final String FORM = "[cam-tasklist-form] .fjs-form";

	private final Chromium browser;

	private final String engine;

	/** Tasklist on the named process engine ("default" outside the tests). */
	Tasklist(Chromium browser, String engine) {
		this.browser = browser;
		this.engine = engine;
	}

	void logIn(String user, String password) {
		this.browser.go("/camunda/app/tasklist/" + this.engine + "/");
		// Tasklist may draw its login form again while it starts, emptying what was
		// typed:
		// typed again until the form keeps it
		this.browser.waitFor((driver) -> {
			this.browser.type("input[ng-model=username]", user);
			this.browser.type("input[ng-model=password]", password);
			return user.equals(this.browser.shown("input[ng-model=username]").getDomProperty("value")) ? true : null;
		});
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

	/**
	 * Opens the filter of the given name and answers the ids of the tasks its list shows,
	 * once it shows at least the given number.
	 */
	List<String> tasksOf(String filter, int atLeast) {
		this.browser.click(".task-filters .content h4 a", (name) -> name.contains(filter));
		return this.browser.waitFor((driver) -> {
			List<String> ids = driver.findElements(By.cssSelector("[cam-tasks] ol.tasks-list li.task a[href*='task=']"))
				.stream()
				.map((link) -> link.getDomAttribute("href"))
				.map((href) -> href.substring(href.indexOf("task=") + 5).replaceAll("[&].*", ""))
				.distinct()
				.toList();
			return (ids.size() >= atLeast) ? ids : null;
		});
	}

	/**
	 * The names of the filters the user sees, in Tasklist's order, without their counts.
	 */
	List<String> filters() {
		// a filter's link holds its name, and its count in a span of its own
		return this.browser.waitFor((driver) -> {
			@SuppressWarnings("unchecked")
			List<String> names = (List<String>) this.browser.script("""
					return [...document.querySelectorAll('.task-filters .content h4 a')]
					  .map((link) => [...link.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE)
					    .map((node) => node.textContent).join('').trim())
					  .filter((name) => name);""");
			return names.isEmpty() ? null : names;
		});
	}

	/** All the card of a task in the open filter's list says, once it is listed. */
	String card(String taskId) {
		return this.browser.text("[cam-tasks] ol.tasks-list li.task:has(a[href*='task=" + taskId + "'])");
	}

	/**
	 * Whether the task, opened by its address, is not there for the user: Tasklist says
	 * that it does not exist, and shows no form.
	 */
	boolean isMissing(String taskId) {
		this.browser.go("/camunda/app/tasklist/" + this.engine + "/#/?task=" + taskId);
		String refusal = this.browser.text(".page-notifications .alert-danger");
		return refusal.contains("does not exist") && this.browser.driver().findElements(By.cssSelector(FORM)).isEmpty();
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

	/**
	 * Types into a field of a row of a dynamic list, given by the field's id in the form
	 * and the row's index from 0.
	 */
	void type(String fieldId, int row, String text) {
		type(fieldId + "_" + row, text);
	}

	/** The value a field of a row of a dynamic list holds. */
	String value(String fieldId, int row) {
		return this.browser.shown(FORM + " input[id$='-" + fieldId + "_" + row + "']").getDomProperty("value");
	}

	/** Picks a day in a date field, given by the field's id, as a person types it. */
	void date(String fieldId, LocalDate day) {
		this.browser.type(FORM + " input[id$='-" + fieldId + "-date']",
				DateTimeFormatter.ofPattern("MM/dd/yyyy").format(day), Keys.ENTER);
	}

	/** The label of the option of a radio group that is checked. */
	String checked(String fieldId) {
		return this.browser.text(FORM + " [id*='-" + fieldId + "'] input:checked + *, " + FORM
				+ " label:has(input[id*='-" + fieldId + "']:checked)");
	}

	/** The whole label of the option of a radio group that starts with the text. */
	String label(String fieldId, String start) {
		return this.browser.driver()
			.findElements(By.cssSelector(FORM + " label:has(input[id*='-" + fieldId + "'])"))
			.stream()
			.map((label) -> label.getText().strip())
			.filter((text) -> text.startsWith(start))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No option " + start + " in " + fieldId));
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

	/**
	 * What Tasklist says when the task could not be completed; read, then closed, as a
	 * person does before trying again.
	 */
	String refusal() {
		String refusal = this.browser.text(".page-notifications .alert-danger");
		this.browser.click(".page-notifications .alert-danger button[ng-click^='removeNotification']");
		this.browser
			.waitFor((driver) -> driver.findElements(By.cssSelector(".page-notifications .alert-danger")).isEmpty());
		return refusal;
	}

}
