package io.returnsdesk.returns.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.returnsdesk.engine.EngineCommands;
import io.returnsdesk.returns.ReturnType;
import io.returnsdesk.returns.internal.FeeRates;
import io.returnsdesk.returns.internal.PolicyFacts;
import io.returnsdesk.returns.internal.RestockingFees;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;

import org.springframework.stereotype.Component;

/**
 * The restocking fee as the decision table {@code processes/restockingFee.dmn} (its
 * latest deployed version) says it, once per condition of the units. The table is read
 * from the engine's repository once per version and evaluated in memory: a quote, asked
 * at every change of the desk's form, writes nothing, not even the engine's history of
 * decisions, and a step costs no more than the table's rules.
 */
@Component
class DmnRestockingFees implements RestockingFees {

	private final RepositoryService repository;

	private final EngineCommands engine;

	private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

	// by decision definition id: a version, once deployed, never changes
	private final Map<String, DmnDecision> versions = new ConcurrentHashMap<>();

	DmnRestockingFees(RepositoryService repository, EngineCommands engine) {
		this.repository = repository;
		this.engine = engine;
	}

	@Override
	public FeeRates rates(PolicyFacts facts) {
		if (facts.type() == ReturnType.SUPPLIER) {
			return FeeRates.NONE;
		}
		DmnDecision decision = this.engine.asTheApplication(this::latest);
		return new FeeRates(rate(decision, facts, ReturnProcess.CONDITION_RESALEABLE),
				rate(decision, facts, ReturnProcess.CONDITION_WRITTEN_OFF));
	}

	private DmnDecision latest() {
		DecisionDefinition latest = this.repository.createDecisionDefinitionQuery()
			.decisionDefinitionKey(ReturnProcess.DECISION_RESTOCKING_FEE)
			.withoutTenantId()
			.latestVersion()
			.singleResult();
		if (latest == null) {
			throw new IllegalStateException(
					"No decision '%s' is deployed".formatted(ReturnProcess.DECISION_RESTOCKING_FEE));
		}
		return this.versions.computeIfAbsent(latest.getId(), (id) -> {
			try (InputStream model = this.repository.getDecisionModel(id)) {
				return this.dmn.parseDecision(ReturnProcess.DECISION_RESTOCKING_FEE, model);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	private BigDecimal rate(DmnDecision decision, PolicyFacts facts, String condition) {
		Object rate = this.dmn
			.evaluateDecisionTable(decision,
					Variables.createVariables()
						.putValue("resolution", facts.resolution().name())
						.putValue("reason", facts.reason().name())
						.putValue("condition", condition)
						.putValue("daysSinceFulfilment", Math.toIntExact(facts.daysSinceFulfilment())))
			.getSingleResult()
			.getSingleEntry();
		BigDecimal share = (rate != null) ? new BigDecimal(rate.toString()) : BigDecimal.ZERO;
		if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
			throw new IllegalStateException("The restocking fee's decision gave a share of " + share
					+ " for a return; a share lies between 0 and 1 (0.10 is 10 %)");
		}
		return share;
	}

}
