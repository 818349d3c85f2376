package io.returnsdesk.web.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: both are given by
 * path, so Selenium Manager never looks for (or downloads) a browser or a driver.
 */
final class Chromium implements AutoCloseable {

	static final File BINARY = new File("/usr/bin/chromium");

	static final File DRIVER = new File("/usr/bin/chromedriver");

	/** Where {@code -Dscreenshots=true} puts the pictures that the README shows. */
	static final Path SCREENSHOTS = Path.of("src/docs/screenshots");

	static final int WIDTH = 1366;

	static final int HEIGHT = 900;

	// generous for a 2-core machine that runs the application, the database and the
	// browser at once; a wait ends as soon as its condition holds
	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private final String baseUrl;

	private final Path profile;

	/** The merchant's time zone, as {@code returns.time-zone} sets it for the tests. */
	static final String MERCHANT_ZONE = "Asia/Shanghai";

	private final ChromeDriver driver;

	private final WebDriverWait wait;

	private Chromium(String baseUrl, String language) {
		if (!BINARY.canExecute() || !DRIVER.canExecute()) {
			throw new IllegalStateException("The browser tests need Debian's Chromium and its driver: "
					+ "apt-get install chromium chromium-driver fonts-noto-cjk (.ci/run does)");
		}
		this.baseUrl = baseUrl;
		try {
			this.profile = Files.createTempDirectory("returnsdesk-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BINARY);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--user-data-dir=" + this.profile, "--window-size=" + WIDTH + "," + HEIGHT, "--lang=" + language);
		// --lang is the browser's own language where its locale is installed; the pref is
		// what pages see in Accept-Language, and so what the desk answers in
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
		// the browser lives where the merchant's people do (returns.time-zone): a form
		// that
		// takes the browser's today must agree with the desk's day, also in the hours
		// when
		// this machine's day (UTC) is still yesterday in Shanghai
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
			.usingAnyFreePort()
			.withEnvironment(Map.of("TZ", MERCHANT_ZONE))
			.build();
		this.driver = new ChromeDriver(service, options);
		// the desk's scripts replace what they render: an element found a moment ago may
		// be gone, and the next try finds its successor
		this.wait = new WebDriverWait(this.driver, PATIENCE, Duration.ofMillis(100));
		this.wait.ignoring(StaleElementReferenceException.class);
	}

	/** A browser whose user speaks English. */
	static Chromium english(String baseUrl) {
		return new Chromium(baseUrl, "en-US");
	}

	/**
	 * A browser whose user speaks Chinese, as a browser set up in mainland China asks.
	 */
	static Chromium chinese(String baseUrl) {
		return new Chromium(baseUrl, "zh-CN");
	}

	WebDriver driver() {
		return this.driver;
	}

	/** Opens a path of the application. */
	void go(String path) {
		this.driver.get(this.baseUrl + path);
	}

	/** Forgets every login, as a person who logs out everywhere and closes the tabs. */
	void forgetLogins() {
		this.driver.manage().deleteAllCookies();
	}

	<T> T waitFor(Function<WebDriver, T> condition) {
		return this.wait.until(condition);
	}

	/** Runs a script in the page and answers what it returns. */
	Object script(String javascript, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(javascript, arguments);
	}

	/** The element, once it is shown. */
	WebElement shown(String css) {
		return this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
	}

	/** The element's text, once it is shown and has some. */
	String text(String css) {
		return this.wait.until((driver) -> {
			List<WebElement> found = driver.findElements(By.cssSelector(css));
			String text = (found.isEmpty() || !found.get(0).isDisplayed()) ? "" : found.get(0).getText().strip();
			return text.isEmpty() ? null : text;
		});
	}

	/** Waits until the element shows the text. */
	void waitForText(String css, String text) {
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
	}

	/** The texts of the cells of each row of a table body, once it has the given rows. */
	List<List<String>> rows(String tableCss, int atLeast) {
		return cells(tableCss + " tbody tr", atLeast);
	}

	/**
	 * The texts of the cells of each row that the selector finds, once it finds the given
	 * rows.
	 */
	List<List<String>> cells(String rowCss, int atLeast) {
		return this.wait.until((driver) -> {
			List<List<String>> rows = driver.findElements(By.cssSelector(rowCss))
				.stream()
				.map((row) -> row.findElements(By.tagName("td"))
					.stream()
					.map((cell) -> cell.getText().strip())
					.toList())
				.toList();
			return (rows.size() >= atLeast) ? rows : null;
		});
	}

	/**
	 * Clicks the element where a person would, in the middle of the window; or its
	 * successor if the page replaced it meanwhile.
	 */
	void click(String css) {
		this.wait.until((driver) -> clicked(driver.findElement(By.cssSelector(css))));
	}

	/**
	 * Clicks the first of the elements shown whose text passes the test, such as a label
	 * or an option; found afresh on each try.
	 */
	void click(String css, Predicate<String> text) {
		this.wait.until((driver) -> driver.findElements(By.cssSelector(css))
			.stream()
			.filter((element) -> element.isDisplayed() && text.test(element.getText().strip()))
			.findFirst()
			.map(this::clicked)
			.orElse(false));
	}

	private boolean clicked(WebElement element) {
		if (!element.isDisplayed() || !element.isEnabled()) {
			return false;
		}
		scrollTo(element);
		try {
			element.click();
			return true;
		}
		catch (ElementClickInterceptedException ex) {
			// something lies over it for a moment: a closing menu, a form still loading
			return false;
		}
	}

	/** Types into a field, replacing what it holds. */
	void type(String css, CharSequence... keys) {
		WebElement field = shown(css);
		scrollTo(field);
		field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
		field.sendKeys(keys);
	}

	void scrollTo(WebElement element) {
		((JavascriptExecutor) this.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
	}

	/**
	 * Saves the whole page as {@code src/docs/screenshots/NAME.png} when the tests run
	 * with {@code -Dscreenshots=true}; otherwise does nothing, so that a normal build
	 * leaves the work tree as it was.
	 */
	void screenshot(String name) {
		if (!Boolean.getBoolean("screenshots")) {
			return;
		}
		JavascriptExecutor script = this.driver;
		script.executeScript("window.scrollTo(0, 0)");
		long pageHeight = ((Number) script.executeScript("return document.documentElement.scrollHeight")).longValue();
		long chromeHeight = ((Number) script.executeScript("return window.outerHeight - window.innerHeight"))
			.longValue();
		// the window grows to the page, so that one picture shows all of it
		this.driver.manage().window().setSize(new Dimension(WIDTH, (int) Math.max(HEIGHT, pageHeight + chromeHeight)));
		try {
			byte[] png = this.driver.getScreenshotAs(OutputType.BYTES);
			Files.createDirectories(SCREENSHOTS);
			Files.write(SCREENSHOTS.resolve(name + ".png"), png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			this.driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
		}
	}

	/** Saves the window and the page's HTML under {@code target/browser-failures/}. */
	void keepEvidence(String name) {
		Path folder = Path.of("target/browser-failures");
		try {
			Files.createDirectories(folder);
			Files.write(folder.resolve(name + ".png"), this.driver.getScreenshotAs(OutputType.BYTES));
			Files.writeString(folder.resolve(name + ".html"),
					"<!-- " + this.driver.getCurrentUrl() + " -->\n" + this.driver.getPageSource());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			try (Stream<Path> files = Files.walk(this.profile)) {
				files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
			catch (IOException ex) {
				// a temporary directory: the system cleans it up in the end
			}
		}
	}

}
