package io.returnsdesk.reporting.process;

import java.util.List;
import java.util.Map;

import io.returnsdesk.catalog.Product;
import io.returnsdesk.reporting.ReturnRateFlagged;
import io.returnsdesk.reporting.ReturnRatesReviewed;
import io.returnsdesk.reporting.ReviewAction;
import io.returnsdesk.sales.TradeOrder;
import io.returnsdesk.support.PostgresInitializer;
import io.returnsdesk.support.ReturnDriver;
import io.returnsdesk.support.TestFixtures;
import io.returnsdesk.support.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static io.returnsdesk.support.TestFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * The return-rate review: a product (and its store) returned above 5 % gets one review
 * task for the analysts, no second one while it is open, and the decisions reach the
 * managers.
 */
@SpringBootTest
@ActiveProfiles("test")
@ContextConfiguration(initializers = ReturnRateReviewProcessTest.ReviewDatabase.class)
@RecordApplicationEvents
class ReturnRateReviewProcessTest {

	/** A database of its own: the review looks at every product and store. */
	static class ReviewDatabase extends PostgresInitializer {

		ReviewDatabase() {
			super("reviews");
		}

	}

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	TestUsers users;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReturnDriver driver;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEvents events;

	Product speaker;

	@BeforeEach
	void returnTwoOfTwentySpeakers() {
		BpmnAwareTests.init(this.engine);
		this.jdbc.update("update return_rate_review set status = 'DONE' where status = 'OPEN'");
		this.speaker = this.fixtures.product("50.00", 40);
		TradeOrder order = this.fixtures.shippedSale("RV-" + this.speaker.getSku().substring(2, 6), 2,
				line(this.speaker, 20));
		String number = this.driver.request(order.getNumber(), "DEFECTIVE", "REFUND", this.speaker.getSku(), 2);
		this.driver.approveProcessAndConfirm(number, "CASH", 100, null);
	}

	@Test
	void highRateOpensOneReviewPerSubjectAndNoDuplicateWhileOpen() {
		ProcessInstance first = this.runtime.startProcessInstanceByKey(ReturnRateReviewProcess.PROCESS_KEY);
		assertThat(first).isWaitingAt(ReturnRateReviewProcess.TASK_REVIEW);
		List<Task> reviews = openReviews(first);
		assertThat(reviews).hasSize(2).allSatisfy((task) -> assertThat(task).hasCandidateGroup("analysts"));
		Map<String, Object> product = this.tasks.getVariablesLocal(reviewOf(reviews, "Product").getId());
		assertThat(product).containsEntry("returnRateText", "10.00 %")
			.containsEntry("thresholdText", "5.00 %")
			.containsEntry("shippedQuantity", 20L)
			.containsEntry("returnedQuantity", 2L);
		assertThat(this.events.stream(ReturnRateFlagged.class)).hasSize(2)
			.anySatisfy((flagged) -> assertThat(flagged)
				.extracting(ReturnRateFlagged::subjectKind, ReturnRateFlagged::subjectKey, ReturnRateFlagged::shipped,
						ReturnRateFlagged::returned)
				.containsExactly("PRODUCT", this.speaker.getSku(), 20L, 2L));

		ProcessInstance second = this.runtime.startProcessInstanceByKey(ReturnRateReviewProcess.PROCESS_KEY);
		assertThat(second).isEnded().hasPassed(ReturnRateReviewProcess.END_NOTHING_TO_REVIEW);
		assertThat(this.tasks.createTaskQuery().taskDefinitionKey(ReturnRateReviewProcess.TASK_REVIEW).count())
			.isEqualTo(2);
	}

	@Test
	void decisionsAreRecordedAndTheManagersTold() {
		ProcessInstance run = this.runtime.startProcessInstanceByKey(ReturnRateReviewProcess.PROCESS_KEY);
		for (Task task : openReviews(run)) {
			this.users.actingAs("analyst1", List.of("analysts"),
					() -> this.tasks.complete(task.getId(), Map.of(ReturnRateReviewProcess.VAR_ACTION, "CHECK_QUALITY",
							ReturnRateReviewProcess.VAR_NOTE, "Batch 42 looks faulty")));
		}

		assertThat(run).isEnded().hasPassed(ReturnRateReviewProcess.END_REVIEWED);
		assertThat(this.events.stream(ReturnRatesReviewed.class)).singleElement()
			.satisfies((reviewed) -> assertThat(reviewed.reviews())
				.extracting(ReturnRatesReviewed.Review::subjectKey, ReturnRatesReviewed.Review::action,
						ReturnRatesReviewed.Review::note)
				.contains(tuple(this.speaker.getSku(), ReviewAction.CHECK_QUALITY, "Batch 42 looks faulty")));
		assertThat(this.jdbc.queryForList("""
				select subject_kind || ' ' || status || ' ' || action || ' ' || reviewed_by from return_rate_review
				where subject_key = ? order by id""", String.class, this.speaker.getSku()))
			.containsExactly("PRODUCT DONE CHECK_QUALITY analyst1");
		assertThat(this.jdbc.queryForObject("""
				select body from notification where recipient_group = 'managers' and kind = 'RETURN_RATE_REVIEWED'
				order by id desc limit 1""", String.class)).contains(this.speaker.getSku(), "10.00 %",
				"Batch 42 looks faulty");

		// decided reviews do not block the next run
		ProcessInstance next = this.runtime.startProcessInstanceByKey(ReturnRateReviewProcess.PROCESS_KEY);
		assertThat(next).isWaitingAt(ReturnRateReviewProcess.TASK_REVIEW);
	}

	private List<Task> openReviews(ProcessInstance instance) {
		return this.tasks.createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(ReturnRateReviewProcess.TASK_REVIEW)
			.list();
	}

	private static Task reviewOf(List<Task> reviews, String kind) {
		return reviews.stream()
			.filter((task) -> task.getName().contains(kind.equals("Product") ? "T-" : "RV-"))
			.findFirst()
			.orElseThrow();
	}

}
