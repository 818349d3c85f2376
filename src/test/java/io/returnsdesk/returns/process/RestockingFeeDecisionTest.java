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
 * The demo's restocking-fee policy in {@code processes/restockingFee.dmn}: 10 % of a
 * change of mind asked more than 14 days after shipment, nothing otherwise.
 */
class RestockingFeeDecisionTest {

	static DmnEngine engine;

	static DmnDecision fee;

	@BeforeAll
	static void parsePolicy() throws Exception {
		engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		try (InputStream model = Files.newInputStream(Path.of("processes", "restockingFee.dmn"))) {
			fee = engine.parseDecision(ReturnProcess.DECISION_RESTOCKING_FEE, model);
		}
	}

	@ParameterizedTest(name = "{0}, {1}, {2}, {3} days → {4}")
	@CsvSource({ "REFUND, NO_LONGER_NEEDED, RESALEABLE, 14, 0", "REFUND, NO_LONGER_NEEDED, RESALEABLE, 15, 0.10",
			"REFUND, NO_LONGER_NEEDED, WRITTEN_OFF, 15, 0.10", "REFUND, NO_LONGER_NEEDED, RESALEABLE, 0, 0",
			"REFUND, NO_LONGER_NEEDED, RESALEABLE, 90, 0.10", "EXCHANGE, NO_LONGER_NEEDED, RESALEABLE, 15, 0",
			"REFUND, DAMAGED, RESALEABLE, 15, 0", "REFUND, DEFECTIVE, WRITTEN_OFF, 40, 0",
			"REFUND, WRONG_ITEM, RESALEABLE, 20, 0", "REFUND, OTHER, RESALEABLE, 20, 0" })
	void keepsAShareOfTheRefund(String resolution, String reason, String condition, int days, double expected) {
		Object rate = engine
			.evaluateDecisionTable(fee,
					Variables.createVariables()
						.putValue("resolution", resolution)
						.putValue("reason", reason)
						.putValue("condition", condition)
						.putValue("daysSinceFulfilment", days))
			.getSingleResult()
			.getSingleEntry();
		assertThat(((Number) rate).doubleValue()).isEqualTo(expected);
	}

}
