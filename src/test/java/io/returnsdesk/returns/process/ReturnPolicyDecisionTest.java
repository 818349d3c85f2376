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
 * The rules of {@code processes/returnPolicy.dmn}, at and around each threshold.
 */
class ReturnPolicyDecisionTest {

	static DmnEngine engine;

	static DmnDecision policy;

	@BeforeAll
	static void parsePolicy() throws Exception {
		engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		try (InputStream model = Files.newInputStream(Path.of("processes", "returnPolicy.dmn"))) {
			policy = engine.parseDecision(ReturnProcess.DECISION_POLICY, model);
		}
	}

	@ParameterizedTest(name = "{0} return, {1}, {2} days, {3} → {4}")
	@CsvSource({ "CUSTOMER, DAMAGED, 0, 10.00, approvers", "CUSTOMER, DAMAGED, 30, 5000.00, approvers",
			"CUSTOMER, DAMAGED, 30, 5000.01, managers", "CUSTOMER, DEFECTIVE, 31, 10.00, managers",
			"CUSTOMER, NO_LONGER_NEEDED, 45, 9000.00, managers", "SUPPLIER, DEFECTIVE, 3, 4999.99, approvers",
			"SUPPLIER, DEFECTIVE, 3, 12000.00, managers", "SUPPLIER, WRONG_ITEM, 60, 100.00, managers" })
	void routesTheApproval(String type, String reason, int days, double amount, String expectedGroup) {
		String group = engine
			.evaluateDecisionTable(policy,
					Variables.createVariables()
						.putValue("returnType", type)
						.putValue("reason", reason)
						.putValue("daysSinceFulfilment", days)
						.putValue("returnAmount", amount))
			.getSingleResult()
			.getSingleEntry();
		assertThat(group).isEqualTo(expectedGroup);
	}

}
