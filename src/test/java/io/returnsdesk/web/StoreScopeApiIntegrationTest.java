package io.returnsdesk.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.returnsdesk.catalog.Product;
import io.returnsdesk.catalog.process.StoreGroups;
import io.returnsdesk.inventory.Warehouse;
import io.returnsdesk.inventory.Warehouses;
import io.returnsdesk.returns.process.ReturnProcess;
import io.returnsdesk.sales.TradeOrder;
import io.returnsdesk.support.IntegrationTest;
import io.returnsdesk.support.Ledgers;
import io.returnsdesk.support.Logins;
import io.returnsdesk.support.ReturnDriver;
import io.returnsdesk.support.TestFiles;
import io.returnsdesk.support.TestFixtures;
import io.returnsdesk.support.TestUsers;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.returnsdesk.support.Logins.as;
import static io.returnsdesk.support.TestFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A user bound to a store (DESIGN.md, *Roles*) at every door of the application's own API
 * and the desk's data: another store's order, return and file answer exactly as if they
 * were not there, a request against another store's order changes nothing, and lists,
 * exports, stock, reports, the books and notifications hold only their store's rows; the
 * head office sees every store's.
 */
@IntegrationTest
@AutoConfigureMockMvc
class StoreScopeApiIntegrationTest {

	static final String STORE = "S01";

	static final String OTHER_STORE = "S02";

	static final String SALES = "scopesales1";

	static final String WAREHOUSE = "scopewarehouse1";

	/** Finance of the store: the books and the reports are finance's to read. */
	static final String FINANCE = "scopefinance1";

	/** In no store's group: the head office. */
	static final String HEAD_OFFICE = "scopehq";

	/** The warehouses of the two stores. */
	static final String STORE_WAREHOUSE = "WH-SCOPE-S01";

	static final String OTHER_WAREHOUSE = "WH-SCOPE-S02";

	static final String NO_ORDER = "SO-NOSUCHORDER";

	static final String NO_RETURN = "RT-19990101-0001";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReturnDriver driver;

	@Autowired
	TestUsers users;

	@Autowired
	StoreGroups storeGroups;

	@Autowired
	Warehouses warehouses;

	@Autowired
	Ledgers ledgers;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	HistoryService history;

	@Autowired
	TaskService tasks;

	@Autowired
	ObjectMapper json;

	@Autowired
	Clock clock;

	Product vase;

	TradeOrder order;

	TradeOrder otherOrder;

	/** Confirmed, of each store. */
	String returned;

	String otherReturned;

	/** Rejected, of the other store: the requester's to revise or withdraw. */
	String otherRejected;

	@BeforeEach
	void twoStoresWithAConfirmedReturnEach() {
		this.vase = this.fixtures.product("50.00", 10);
		this.order = this.fixtures.shippedSale(STORE, 3, line(this.vase, 2));
		this.otherOrder = this.fixtures.shippedSale(OTHER_STORE, 3, line(this.vase, 2));
		this.storeGroups.ensureAll();
		this.users.ensure(SALES, TestUsers.PASSWORD, "sales", "storeS01");
		this.users.withEmail(WAREHOUSE, "scopewarehouse1@example.com", TestUsers.PASSWORD, "warehouse", "storeS01");
		this.users.ensure(FINANCE, TestUsers.PASSWORD, "finance", "storeS01");
		this.users.withEmail(HEAD_OFFICE, "scopehq@example.com", TestUsers.PASSWORD, "sales", "warehouse", "finance");
		warehouse(STORE_WAREHOUSE, STORE);
		warehouse(OTHER_WAREHOUSE, OTHER_STORE);
		this.returned = confirmed(SALES, this.order, STORE_WAREHOUSE);
		this.otherReturned = confirmed("scopesales2", this.otherOrder, OTHER_WAREHOUSE);
		this.otherRejected = this.driver.requestAs("scopesales2", this.otherOrder, "DAMAGED", "Chipped", this.vase, 1);
		this.driver.reject(this.otherRejected, "No photo");
	}

	@Test
	void ordersOfAnotherStoreAreNotThere() throws Exception {
		this.mvc.perform(as(SALES, get("/api/orders")).param("q", this.otherOrder.getNumber()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(0));
		this.mvc.perform(as(SALES, get("/api/orders")).param("size", "200"))
			.andExpect(jsonPath("$.content[*].storeCode", everyItem(is(STORE))))
			.andExpect(jsonPath("$.content[*].number", hasItem(this.order.getNumber())));
		this.mvc.perform(as(SALES, get("/api/orders/" + this.order.getNumber())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.storeCode").value(STORE));
		answersAsIfItWereNot(SALES, (number) -> get("/api/orders/" + number), this.otherOrder.getNumber(), NO_ORDER,
				404);

		this.mvc.perform(as(HEAD_OFFICE, get("/api/orders")).param("q", this.otherOrder.getNumber()))
			.andExpect(jsonPath("$.totalElements").value(1));
		this.mvc.perform(as(HEAD_OFFICE, get("/api/orders/" + this.otherOrder.getNumber()))).andExpect(status().isOk());
	}

	@Test
	void returnsOfAnotherStoreAreNotThereNorTheirTimelineOrProcess() throws Exception {
		for (String suffix : List.of("", "/timeline", "/process")) {
			this.mvc.perform(as(SALES, get("/api/returns/" + this.returned + suffix))).andExpect(status().isOk());
			answersAsIfItWereNot(SALES, (number) -> get("/api/returns/" + number + suffix), this.otherReturned,
					NO_RETURN, 404);
			this.mvc.perform(as(HEAD_OFFICE, get("/api/returns/" + this.otherReturned + suffix)))
				.andExpect(status().isOk());
		}
	}

	@Test
	void anotherStoresReturnCannotBeRevisedNorWithdrawn() throws Exception {
		String revision = body(this.otherOrder.getNumber(), 1);
		int events = events(this.otherRejected);
		answersAsIfItWereNot(SALES,
				(number) -> put("/api/returns/" + number).contentType(MediaType.APPLICATION_JSON).content(revision),
				this.otherRejected, NO_RETURN, 404);
		answersAsIfItWereNot(SALES, (number) -> post("/api/returns/" + number + "/withdraw"), this.otherRejected,
				NO_RETURN, 404);

		assertThat(this.ledgers.status(this.otherRejected)).isEqualTo("REJECTED");
		assertThat(events(this.otherRejected)).isEqualTo(events);
	}

	@Test
	void aRequestAgainstAnotherStoresOrderIsRefusedAsAgainstNoOrderAndChangesNothing() throws Exception {
		TradeOrder theirs = this.fixtures.shippedSale(OTHER_STORE, 1, line(this.vase, 2));
		TradeOrder ours = this.fixtures.shippedSale(STORE, 1, line(this.vase, 2));
		int returns = this.ledgers.count("return_order");
		long instances = this.history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(ReturnProcess.PROCESS_KEY)
			.count();

		answersAsIfItWereNot(SALES,
				(number) -> post("/api/returns").contentType(MediaType.APPLICATION_JSON).content(body(number, 1)),
				theirs.getNumber(), NO_ORDER, 422);

		assertThat(this.ledgers.count("return_order")).isEqualTo(returns);
		assertThat(this.history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(ReturnProcess.PROCESS_KEY)
			.count()).isEqualTo(instances);
		this.mvc.perform(as(HEAD_OFFICE, get("/api/orders/" + theirs.getNumber())))
			.andExpect(jsonPath("$.lines[0].returnableQuantity").value(2));
		// their own store's order takes the same request
		this.mvc
			.perform(as(SALES, post("/api/returns")).contentType(MediaType.APPLICATION_JSON)
				.content(body(ours.getNumber(), 1)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.storeCode").value(STORE));
	}

	@Test
	void historyAndExportHoldOnlyTheirStoresReturns() throws Exception {
		this.mvc.perform(as(SALES, get("/api/returns")).param("size", "200"))
			.andExpect(jsonPath("$.content[*].storeCode", everyItem(is(STORE))))
			.andExpect(jsonPath("$.content[*].number", hasItem(this.returned)));
		for (String text : List.of(this.otherReturned, this.otherOrder.getNumber(), "Chipped")) {
			this.mvc.perform(as(SALES, get("/api/returns")).param("q", text))
				.andExpect(jsonPath("$.content[*].number", not(hasItem(this.otherReturned))))
				.andExpect(jsonPath("$.content[*].number", not(hasItem(this.otherRejected))));
		}
		this.mvc.perform(as(SALES, get("/api/returns")).param("store", OTHER_STORE))
			.andExpect(jsonPath("$.totalElements").value(0));
		this.mvc.perform(as(SALES, get("/api/returns")).param("q", this.returned))
			.andExpect(jsonPath("$.totalElements").value(1));
		this.mvc.perform(as(HEAD_OFFICE, get("/api/returns")).param("q", this.otherReturned))
			.andExpect(jsonPath("$.totalElements").value(1));

		String csv = csv(SALES, null);
		assertThat(csv).contains(this.returned).doesNotContain(this.otherReturned).doesNotContain(this.otherRejected);
		assertThat(csv.lines().filter((row) -> row.contains("," + OTHER_STORE + ","))).isEmpty();
		assertThat(csv(SALES, OTHER_STORE).lines()).as("the header alone").hasSize(1);
		assertThat(csv(HEAD_OFFICE, OTHER_STORE)).contains(this.otherReturned);
	}

	@Test
	void proofOfAnotherStoresReturnCannotBeListedReadNorAdded() throws Exception {
		String theirs = this.mvc
			.perform(as(HEAD_OFFICE, multipart("/api/returns/" + this.otherReturned + "/attachments").file(photo())))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		long id = Long.parseLong(theirs.substring(theirs.lastIndexOf('/') + 1));
		int attachments = this.ledgers.count("return_attachment");

		answersAsIfItWereNot(SALES, (number) -> get("/api/returns/" + number + "/attachments"), this.otherReturned,
				NO_RETURN, 404);
		answersAsIfItWereNot(SALES, (number) -> get("/api/returns/" + number + "/attachments/" + id),
				this.otherReturned, NO_RETURN, 404);
		answersAsIfItWereNot(WAREHOUSE, (number) -> multipart("/api/returns/" + number + "/attachments").file(photo()),
				this.otherReturned, NO_RETURN, 404);
		assertThat(this.ledgers.count("return_attachment")).isEqualTo(attachments);

		this.mvc.perform(as(WAREHOUSE, multipart("/api/returns/" + this.returned + "/attachments").file(photo())))
			.andExpect(status().isCreated());
		this.mvc.perform(as(SALES, get("/api/returns/" + this.returned + "/attachments")))
			.andExpect(jsonPath("$.length()").value(1));
	}

	@Test
	void stockAndMovementsAreOnlyThoseOfTheirStoresWarehouses() throws Exception {
		this.mvc.perform(as(WAREHOUSE, get("/api/stock")).param("sku", this.vase.getSku()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].warehouseCode", everyItem(is(STORE_WAREHOUSE))))
			.andExpect(jsonPath("$[0].onHand").value(1));
		this.mvc.perform(as(WAREHOUSE, get("/api/stock")).param("warehouse", OTHER_WAREHOUSE))
			.andExpect(jsonPath("$.length()").value(0));
		this.mvc.perform(as(WAREHOUSE, get("/api/stock/movements")).param("sku", this.vase.getSku()))
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].returnNumber").value(this.returned));
		this.mvc.perform(as(WAREHOUSE, get("/api/stock/movements")).param("returnNumber", this.otherReturned))
			.andExpect(jsonPath("$.length()").value(0));
		this.mvc.perform(as(WAREHOUSE, get("/api/stock/movements")))
			.andExpect(jsonPath("$[*].warehouseCode", everyItem(is(STORE_WAREHOUSE))));

		// the head office: both stores' warehouses and the test warehouse of no store of
		// theirs
		this.mvc.perform(as(HEAD_OFFICE, get("/api/stock")).param("sku", this.vase.getSku()))
			.andExpect(jsonPath("$[*].warehouseCode", hasItem(OTHER_WAREHOUSE)))
			.andExpect(jsonPath("$[*].warehouseCode", hasItem(TestFixtures.WAREHOUSE)));
		this.mvc.perform(as(HEAD_OFFICE, get("/api/stock/movements")).param("returnNumber", this.otherReturned))
			.andExpect(jsonPath("$.length()").value(1));
	}

	@Test
	void reportsCountOnlyTheirStoresFigures() throws Exception {
		this.mvc.perform(as(FINANCE, get("/api/reports/returns")).param("groupBy", "product"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.key == '%s')].shippedQuantity".formatted(this.vase.getSku())).value(2))
			.andExpect(jsonPath("$[?(@.key == '%s')].returnedQuantity".formatted(this.vase.getSku())).value(1));
		this.mvc.perform(as(FINANCE, get("/api/reports/returns")).param("groupBy", "store"))
			.andExpect(jsonPath("$[*].key", everyItem(is(STORE))));
		for (String grouping : List.of("product", "store", "reason")) {
			this.mvc
				.perform(
						as(FINANCE, get("/api/reports/returns")).param("groupBy", grouping).param("store", OTHER_STORE))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.length()").value(0));
		}
		this.mvc.perform(as(FINANCE, get("/api/reports/returns")).param("groupBy", "month").param("store", OTHER_STORE))
			.andExpect(jsonPath("$[*].shippedQuantity", everyItem(is(0))))
			.andExpect(jsonPath("$[*].returnedQuantity", everyItem(is(0))));

		this.mvc.perform(as(HEAD_OFFICE, get("/api/reports/returns")).param("groupBy", "product"))
			.andExpect(jsonPath("$[?(@.key == '%s')].shippedQuantity".formatted(this.vase.getSku())).value(4))
			.andExpect(jsonPath("$[?(@.key == '%s')].returnedQuantity".formatted(this.vase.getSku())).value(2));
		this.mvc.perform(as(HEAD_OFFICE, get("/api/reports/returns")).param("groupBy", "store"))
			.andExpect(jsonPath("$[*].key", hasItem(OTHER_STORE)));
	}

	@Test
	void processFiguresCountOnlyTheirStoresReturns() throws Exception {
		String today = LocalDate.now(this.clock).toString();
		java.util.Date midnight = java.util.Date
			.from(LocalDate.now(this.clock).atStartOfDay(this.clock.getZone()).toInstant());
		long startedInS01 = this.history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(ReturnProcess.PROCESS_KEY)
			.tenantIdIn(STORE)
			.startedAfter(midnight)
			.count();
		long startedEverywhere = this.history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(ReturnProcess.PROCESS_KEY)
			.startedAfter(midnight)
			.count();
		long revisionsInS01 = this.tasks.createTaskQuery()
			.taskDefinitionKey(ReturnProcess.TASK_REVISE)
			.tenantIdIn(STORE)
			.count();
		long revisionsEverywhere = this.tasks.createTaskQuery().taskDefinitionKey(ReturnProcess.TASK_REVISE).count();
		assertThat(startedEverywhere).isGreaterThan(startedInS01);
		assertThat(revisionsEverywhere).isGreaterThan(revisionsInS01);

		this.mvc.perform(as(FINANCE, get("/api/reports/process")).param("from", today).param("to", today))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.requests.started").value((int) startedInS01))
			.andExpect(jsonPath("$.steps[?(@.step == '%s')].openNow".formatted(ReturnProcess.TASK_REVISE))
				.value((int) revisionsInS01));
		this.mvc.perform(as(HEAD_OFFICE, get("/api/reports/process")).param("from", today).param("to", today))
			.andExpect(jsonPath("$.requests.started").value((int) startedEverywhere))
			.andExpect(jsonPath("$.steps[?(@.step == '%s')].openNow".formatted(ReturnProcess.TASK_REVISE))
				.value((int) revisionsEverywhere));
	}

	@Test
	void theBooksHoldOnlyTheirStoresReturns() throws Exception {
		// a return's postings as a return there is not: none
		answersAsIfItWereNot(FINANCE, (number) -> get("/api/finance/postings").param("returnNumber", number),
				this.otherReturned, NO_RETURN, 200);
		this.mvc.perform(as(FINANCE, get("/api/finance/postings")).param("returnNumber", this.otherReturned))
			.andExpect(jsonPath("$.length()").value(0));
		this.mvc.perform(as(FINANCE, get("/api/finance/postings")).param("returnNumber", this.returned))
			.andExpect(jsonPath("$[*].returnNumber", everyItem(is(this.returned))))
			.andExpect(jsonPath("$[*].returnNumber", hasItem(this.returned)));
		this.mvc.perform(as(FINANCE, get("/api/finance/entries")))
			.andExpect(jsonPath("$[*].storeCode", everyItem(is(STORE))))
			.andExpect(jsonPath("$[*].reference", hasItem(this.returned)));
		this.mvc.perform(as(FINANCE, get("/api/finance/notes")))
			.andExpect(jsonPath("$[*].storeCode", everyItem(is(STORE))))
			.andExpect(jsonPath("$[*].returnNumber", hasItem(this.returned)));

		// the note of another store's return, as of a return there is not
		this.mvc.perform(as(FINANCE, get("/api/returns/" + this.returned + "/credit-note"))).andExpect(status().isOk());
		answersAsIfItWereNot(FINANCE, (number) -> get("/api/returns/" + number + "/credit-note"), this.otherReturned,
				NO_RETURN, 404);
		answersAsIfItWereNot(FINANCE, (number) -> get("/api/returns/" + number + "/credit-note.pdf"),
				this.otherReturned, NO_RETURN, 404);

		// the trial balance and the reconciliation of their store's entries and
		// warehouses
		LocalDate today = LocalDate.now(this.clock);
		List<Map<String, Object>> balances = read(FINANCE,
				get("/api/finance/balances").param("from", today.minusDays(365).toString())
					.param("to", today.toString()));
		assertThat(balances).extracting((balance) -> balance.get("account")).contains("1405", "6001");
		assertThat(total(balances, "debit")).isEqualByComparingTo(total(balances, "credit"));
		for (Map<String, Object> balance : balances) {
			assertThat(new BigDecimal(balance.get("debit").toString())).as("the debits to %s", balance.get("account"))
				.isEqualByComparingTo(this.jdbc.queryForObject("""
						select coalesce(sum(l.debit), 0) from journal_line l join journal_entry e on e.id = l.entry_id
						where l.account = ? and e.store_code = ? and e.entry_date between ? and ?""", BigDecimal.class,
						balance.get("account"), STORE, today.minusDays(365), today));
		}
		Map<String, Object> reconciliation = this.json
			.readValue(this.mvc.perform(as(FINANCE, get("/api/finance/reconciliation")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(), new TypeReference<>() {
				});
		assertThat(new BigDecimal(reconciliation.get("inventoryAccount").toString()))
			.isEqualByComparingTo(this.jdbc.queryForObject("""
					select coalesce(sum(l.debit - l.credit), 0) from journal_line l
					join journal_entry e on e.id = l.entry_id where l.account = '1405' and e.store_code = ?""",
					BigDecimal.class, STORE));
		assertThat(new BigDecimal(reconciliation.get("movedByReturns").toString()))
			.isEqualByComparingTo(this.jdbc.queryForObject("""
					select coalesce(sum(m.moved_value), 0) from stock_movement m
					join warehouse w on w.code = m.warehouse_code
					where w.store_code = ? and m.kind in ('CUSTOMER_RETURN', 'SCRAP', 'SUPPLIER_RETURN',
					  'REPLACEMENT_SHIPMENT', 'REPLACEMENT_RECEIPT')""", BigDecimal.class, STORE));

		this.mvc.perform(as(HEAD_OFFICE, get("/api/finance/postings")).param("returnNumber", this.otherReturned))
			.andExpect(jsonPath("$[*].returnNumber", hasItem(this.otherReturned)));
		this.mvc.perform(as(HEAD_OFFICE, get("/api/returns/" + this.otherReturned + "/credit-note")))
			.andExpect(status().isOk());
	}

	@Test
	void notificationsAndMailAboutAnotherStoresReturnsDoNotReachThem() throws Exception {
		List<Map<String, Object>> news = this.json.convertValue(
				readObject(WAREHOUSE, get("/api/notifications").param("size", "200")).get("content"),
				new TypeReference<>() {
				});
		List<Object> about = news.stream().map((notification) -> notification.get("reference")).toList();
		assertThat(about).contains(this.returned).doesNotContain(this.otherReturned, this.otherRejected);
		for (Object reference : about) {
			assertThat(this.jdbc.queryForList("""
					select o.store_code from return_order r join trade_order o on o.id = r.order_id
					where r.number = ?""", String.class, reference)).as("the store of %s", reference)
				.containsExactly(STORE);
		}
		assertThat(this.ledgers.mails(this.otherReturned)).noneMatch((mail) -> mail.contains(WAREHOUSE + "@"))
			.anyMatch((mail) -> mail.contains(HEAD_OFFICE + "@"));
		assertThat(this.ledgers.mails(this.returned)).anyMatch((mail) -> mail.contains(WAREHOUSE + "@"));

		List<Map<String, Object>> all = this.json.convertValue(
				readObject(HEAD_OFFICE, get("/api/notifications").param("size", "200")).get("content"),
				new TypeReference<>() {
				});
		assertThat(all.stream().map((notification) -> notification.get("reference"))).contains(this.returned,
				this.otherReturned);
	}

	@Test
	void theDesksFiltersOfferOnlyTheirStoresAndAnotherStoresReturnPageShowsNothingOfIt() throws Exception {
		Cookie session = logIn(SALES);
		this.mvc.perform(get("/returns").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"" + STORE + "\"")))
			.andExpect(content().string(not(containsString("value=\"" + OTHER_STORE + "\""))));
		// the page is a shell that loads the return through the API, which answers 404
		this.mvc.perform(get("/returns/" + this.otherReturned).cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(this.otherOrder.getNumber()))));
		this.mvc.perform(get("/api/returns/" + this.otherReturned).cookie(session))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("There is no return " + this.otherReturned));

		Cookie headOffice = logIn(HEAD_OFFICE);
		this.mvc.perform(get("/returns").cookie(headOffice))
			.andExpect(content().string(containsString("value=\"" + OTHER_STORE + "\"")));
	}

	/**
	 * The call about another store's thing answers what the same call about a thing there
	 * is not answers: the status, the type and the body, but for the number.
	 */
	private void answersAsIfItWereNot(String user, Function<String, MockHttpServletRequestBuilder> call, String theirs,
			String none, int status) throws Exception {
		MockHttpServletResponse other = this.mvc.perform(as(user, call.apply(theirs))).andReturn().getResponse();
		MockHttpServletResponse nothing = this.mvc.perform(as(user, call.apply(none))).andReturn().getResponse();
		assertThat(nothing.getStatus()).as("a call about %s", none).isEqualTo(status);
		assertThat(other.getStatus()).as("a call about %s", theirs).isEqualTo(status);
		assertThat(other.getContentType()).isEqualTo(nothing.getContentType());
		assertThat(withoutNumber(other, theirs)).isEqualTo(withoutNumber(nothing, none));
	}

	private Object withoutNumber(MockHttpServletResponse response, String number) throws Exception {
		String body = response.getContentAsString(StandardCharsets.UTF_8).replace(number, "{number}");
		return body.isEmpty() ? body : this.json.readValue(body, Object.class);
	}

	private String confirmed(String requester, TradeOrder order, String warehouse) {
		String number = this.driver.requestAs(requester, order, "DEFECTIVE", "Cracked", this.vase, 1);
		this.driver.approve(number, ReturnDriver.APPROVER);
		this.driver.process(number, warehouse, "CASH", new BigDecimal("50.00"), null);
		this.driver.confirm(number);
		this.driver.runPostingJob(number);
		return number;
	}

	private int events(String number) {
		return this.jdbc.queryForObject(
				"select count(*) from return_event e join return_order r on r.id = e.return_id where r.number = ?",
				Integer.class, number);
	}

	private void warehouse(String code, String store) {
		if (!this.warehouses.existsById(code)) {
			this.warehouses.save(new Warehouse(code, "Warehouse of " + store, store));
		}
	}

	private String body(String orderNumber, int quantity) {
		return """
				{"orderNumber":"%s","reason":"DAMAGED","reasonDetail":"Cracked","resolution":"REFUND",
				 "lines":[{"sku":"%s","quantity":%d}]}""".formatted(orderNumber, this.vase.getSku(), quantity);
	}

	private String csv(String user, String store) throws Exception {
		MockHttpServletRequestBuilder export = get("/api/returns/export.csv");
		if (store != null) {
			export.param("store", store);
		}
		return this.mvc.perform(as(user, export))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static MockMultipartFile photo() {
		return new MockMultipartFile("file", "photo.png", "image/png", TestFiles.png());
	}

	private List<Map<String, Object>> read(String user, MockHttpServletRequestBuilder call) throws Exception {
		return this.json.readValue(this.mvc.perform(as(user, call))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8), new TypeReference<>() {
			});
	}

	private Map<String, Object> readObject(String user, MockHttpServletRequestBuilder call) throws Exception {
		return this.json.readValue(this.mvc.perform(as(user, call))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8), new TypeReference<>() {
			});
	}

	private static BigDecimal total(List<Map<String, Object>> balances, String side) {
		return balances.stream()
			.map((balance) -> new BigDecimal(balance.get(side).toString()))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private Cookie logIn(String user) throws Exception {
		return Logins.deskLogin(this.mvc, user, TestUsers.PASSWORD);
	}

}
