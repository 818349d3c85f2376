package io.returnsdesk.returns.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.returnsdesk.engine.EngineCommands;
import io.returnsdesk.engine.ParsedOnceFeel;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.VariableMap;

import org.springframework.stereotype.Component;

/**
 * The merchant's policy tables under {@code processes/}, each in its latest deployed
 * version, read from the engine's repository once per version and evaluated in memory: a
 * quote, asked at every change of the desk's form, writes nothing, not even the engine's
 * history of decisions, and an evaluation costs no more than the table's rules.
 */
@Component
class DeployedDecisions {

	private final RepositoryService repository;

	private final EngineCommands engine;

	private final DmnEngine dmn;

	// by decision definition id: a version, once deployed, never changes
	private final Map<String, DmnDecision> versions = new ConcurrentHashMap<>();

	DeployedDecisions(RepositoryService repository, EngineCommands engine, ParsedOnceFeel feel) {
		this.repository = repository;
		this.engine = engine;
		this.dmn = feel.dmnEngine();
	}

	/** The latest deployed version of the decision with this key. */
	DmnDecision latest(String key) {
		return this.engine.asTheApplication(() -> {
			DecisionDefinition latest = this.repository.createDecisionDefinitionQuery()
				.decisionDefinitionKey(key)
				.withoutTenantId()
				.latestVersion()
				.singleResult();
			if (latest == null) {
				throw new IllegalStateException("No decision '%s' is deployed".formatted(key));
			}
			return this.versions.computeIfAbsent(latest.getId(), (id) -> parse(key, id));
		});
	}

	/**
	 * The single output of the first (or only) matching rule, or null when none matches.
	 */
	Object single(DmnDecision decision, VariableMap facts) {
		return this.dmn.evaluateDecisionTable(decision, facts).getSingleResult().getSingleEntry();
	}

	private DmnDecision parse(String key, String id) {
		try (InputStream model = this.repository.getDecisionModel(id)) {
			return this.dmn.parseDecision(key, model);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
