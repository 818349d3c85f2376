package io.returnsdesk.web;

import java.math.BigDecimal;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.returnsdesk.catalog.Product;
import io.returnsdesk.catalog.Products;
import io.returnsdesk.support.IntegrationTest;
import io.returnsdesk.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static io.returnsdesk.support.Logins.as;
import static org.hamcrest.Matchers.contains;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Product search as the clerk's item picker uses it: by a part of the name or SKU, or by
 * scanning a barcode.
 */
@IntegrationTest
@AutoConfigureMockMvc
class ProductSearchApiIntegrationTest {

	static final String USER = "productclerk";

	@Autowired
	MockMvc mvc;

	@Autowired
	Products products;

	@Autowired
	TestUsers users;

	String code;

	Product teapot;

	Product giftSet;

	@BeforeEach
	void catalogueATeapotAndAGiftSetNamingItsBarcode() {
		this.users.ensure(USER, TestUsers.PASSWORD, "sales");
		this.code = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		String barcode = "69%011d".formatted(ThreadLocalRandom.current().nextLong(100_000_000_000L));
		// the gift set's SKU sorts first, so only the barcode rule can put the teapot
		// first
		this.teapot = this.products
			.save(new Product("TZ-" + this.code, barcode, "Ceramic Teapot 陶瓷茶壶 " + this.code, new BigDecimal("88.00")));
		this.giftSet = this.products.save(new Product("TA-" + this.code, "68" + barcode.substring(2),
				"Gift set with teapot " + barcode, new BigDecimal("128.00")));
	}

	@Test
	void findsProductsByAPartOfTheNameIgnoringCase() throws Exception {
		search("teapot 陶瓷茶壶 " + this.code.toLowerCase()).andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$[*].sku", contains(this.teapot.getSku())))
			.andExpect(jsonPath("$[0].barcode").value(this.teapot.getBarcode()))
			.andExpect(jsonPath("$[0].name").value(this.teapot.getName()))
			.andExpect(jsonPath("$[0].unitPrice").value(88.00));
	}

	@Test
	void findsProductsByAPartOfTheSkuOrderedBySku() throws Exception {
		search(this.code.substring(1, 7).toLowerCase()).andExpect(status().isOk())
			.andExpect(jsonPath("$[*].sku", contains(this.giftSet.getSku(), this.teapot.getSku())));
	}

	@Test
	void putsTheProductWithExactlyThatBarcodeFirst() throws Exception {
		search(this.teapot.getBarcode()).andExpect(status().isOk())
			.andExpect(jsonPath("$[*].sku", contains(this.teapot.getSku(), this.giftSet.getSku())));
	}

	@Test
	void matchesABarcodeOnlyWhole() throws Exception {
		search(this.teapot.getBarcode().substring(0, 10)).andExpect(status().isOk())
			.andExpect(jsonPath("$[*].sku", contains(this.giftSet.getSku())));
	}

	@ParameterizedTest(name = "q=[{0}]")
	@ValueSource(strings = { "", "   " })
	void findsNothingForABlankQueryRatherThanTheWholeCatalogue(String q) throws Exception {
		search(q).andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$").isEmpty());
		this.mvc.perform(as(USER, get("/api/products"))).andExpect(status().isOk()).andExpect(jsonPath("$").isEmpty());
	}

	@Test
	void needsALogin() throws Exception {
		this.mvc.perform(get("/api/products").param("q", "teapot")).andExpect(status().isUnauthorized());
	}

	private ResultActions search(String q) throws Exception {
		return this.mvc.perform(as(USER, get("/api/products").param("q", q)));
	}

}
