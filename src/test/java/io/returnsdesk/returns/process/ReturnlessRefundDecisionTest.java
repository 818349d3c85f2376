package io.returnsdesk.returns.process;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's returnless-refund policy in {@code processes/returnlessRefund.dmn}: a wrong
 * item worth less than 30.00 a unit, refunded, stays with the customer; nothing else
 * does.
 */
class ReturnlessRefundDecisionTest {

	static DmnEngine engine;

	static DmnDecision returnless;

	@BeforeAll
	static void parsePolicy() throws Exception {
		engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		try (InputStream model = Files.newInputStream(Path.of("processes", "returnlessRefund.dmn"))) {
			returnless = engine.parseDecision(ReturnProcess.DECISION_RETURNLESS_REFUND, model);
		}
	}

	@ParameterizedTest(name = "{0}, {1}, {2} → {3}")
	@CsvSource({ "REFUND, WRONG_ITEM, 29.99, true", "REFUND, WRONG_ITEM, 30.00, false",
			"REFUND, WRONG_ITEM, 0.01, true", "REFUND, WRONG_ITEM, 159.00, false", "EXCHANGE, WRONG_ITEM, 29.99, false",
			"REFUND, DAMAGED, 29.99, false", "REFUND, DEFECTIVE, 5.00, false", "REFUND, NOT_AS_DESCRIBED, 5.00, false",
			"REFUND, NO_LONGER_NEEDED, 5.00, false", "REFUND, OTHER, 5.00, false" })
	void keepsTheGoodsOnlyOfACheapWrongItemRefunded(String resolution, String reason, double unitValue,
			boolean expected) {
		Object kept = engine
			.evaluateDecisionTable(returnless,
					Variables.createVariables()
						.putValue("resolution", resolution)
						.putValue("reason", reason)
						.putValue("unitValue", unitValue))
			.getSingleResult()
			.getSingleEntry();
		assertThat(kept).isEqualTo(expected);
	}

}
