package io.returnsdesk.web.browser;

import io.returnsdesk.catalog.Party;
import io.returnsdesk.catalog.Product;
import io.returnsdesk.sales.TradeOrder;
import io.returnsdesk.support.ReturnDriver;
import io.returnsdesk.support.TestFixtures;
import io.returnsdesk.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import static io.returnsdesk.support.TestFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public page in a real Chromium, as a customer on a phone meets it: without an
 * account they find their order by its number and the last four digits of their phone,
 * ask for a return of one unit, read the return's number, and follow it through its
 * approval; a wrong phone is told readably; a Chinese browser gets the page in Chinese.
 * No cookie is set: the page keeps no session.
 */
@DeskInChromium
class SelfServiceInChromiumIntegrationTest {

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReturnDriver driver;

	@Autowired
	TestUsers users;

	@RegisterExtension
	final Browsers browsers = new Browsers();

	@Test
	void aCustomerAsksForAReturnSeesItsNumberAndFollowsIt() {
		this.users.ensure("selfapprover", TestUsers.PASSWORD, "approvers");
		Product lamp = this.fixtures.product("Desk lamp 台灯", "159.00", 10);
		Party customer = this.fixtures.customer("139 0000 4321");
		TradeOrder order = this.fixtures.shippedSale(this.fixtures.store(), customer, 5, line(lamp, 2));

		Chromium browser = this.browsers.english();
		browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
		browser.go("/my-return");
		browser.type("#order-number", order.getNumber());
		browser.type("#order-phone", "1234");
		browser.click("#find-order-submit");
		assertThat(browser.text("#find-order-error")).contains("We found no order or return with this number");

		browser.type("#order-phone", "4321");
		browser.click("#find-order-submit");
		assertThat(browser.text("#order-lines")).contains("Desk lamp 台灯").contains("up to 2");
		browser.type("#qty-0", "1");
		new Select(browser.shown("#ask-reason")).selectByValue("DEFECTIVE");
		browser.type("#ask-detail", "It flickers");
		browser.click("#ask-submit");
		String done = browser.text("#ask-done");
		String number = browser.shown("#ask-done").getDomAttribute("data-number");
		assertThat(number).startsWith("RT-");
		assertThat(done).contains(number);

		this.driver.approve(number, "selfapprover");
		// the number and digits are filled in from the request
		browser.click("#follow-submit");
		browser.waitForText("#follow-status", "Approved");
		assertThat(browser.text("#follow-timeline")).contains("We received your request")
			.contains("Your return was approved")
			.doesNotContain("selfapprover");
		assertThat(browser.text("#follow-lines")).contains("Desk lamp 台灯");
		assertThat(browser.driver().manage().getCookies()).as("cookies of the public page").isEmpty();
		browser.screenshot("self-service");
	}

	@Test
	void aChineseBrowserGetsThePageInChinese() {
		Chromium browser = this.browsers.chinese();
		browser.go("/my-return");
		assertThat(browser.text("#ask h2")).isEqualTo("申请退货");
		assertThat(browser.text("#follow h2")).isEqualTo("查询退货");
		browser.type("#follow-number", "RT-19990101-0001");
		browser.type("#follow-phone", "0000");
		browser.click("#follow-submit");
		assertThat(browser.text("#follow-error")).contains("没有找到");
		browser.click("#lang-en");
		assertThat(browser.driver().findElement(By.cssSelector("#ask h2")).getText()).isEqualTo("Ask for a return");
	}

}
