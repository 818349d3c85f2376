package io.returnsdesk.engine;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The FEEL that parses each expression once decides every policy table of
 * {@code processes/} exactly as Camunda's own, for every combination of the facts around
 * the tables' limits, however often the same expression is met; and a table entry that
 * does not parse is refused at every evaluation with the adapter's message.
 */
class ParsedOnceFeelTest {

	private static final String[] REASONS = { "DAMAGED", "DEFECTIVE", "WRONG_ITEM", "NOT_AS_DESCRIBED",
			"NO_LONGER_NEEDED", "OTHER" };

	private final DmnEngine camunda = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

	private final DmnEngine parsedOnce = new ParsedOnceFeel().dmnEngine();

	@Test
	void decidesTheRestockingFeeAsCamundasFeel() throws Exception {
		List<VariableMap> facts = everyCombination(values("resolution", "REFUND", "EXCHANGE"),
				values("reason", (Object[]) REASONS), values("condition", "RESALEABLE", "WRITTEN_OFF"),
				values("daysSinceFulfilment", 0, 13, 14, 15, 90));
		assertThat(decideBoth("restockingFee", facts)).contains("0.1", "0.0");
	}

	@Test
	void decidesTheReturnlessRefundAsCamundasFeel() throws Exception {
		List<VariableMap> facts = everyCombination(values("resolution", "REFUND", "EXCHANGE"),
				values("reason", (Object[]) REASONS), values("unitValue", 0.01, 29.99, 30.00, 30.01, 2399.00));
		assertThat(decideBoth("returnlessRefund", facts)).contains("true", "false");
	}

	@Test
	void routesReturnsToTheApproversAsCamundasFeel() throws Exception {
		List<VariableMap> facts = everyCombination(values("returnType", "CUSTOMER", "SUPPLIER"),
				values("reason", (Object[]) REASONS), values("daysSinceFulfilment", 0, 30, 31),
				values("returnAmount", 10.00, 5000.00, 5000.01));
		assertThat(decideBoth("returnPolicy", facts)).contains("approvers", "managers");
	}

	@Test
	void refusesAnEntryThatDoesNotParseAtEveryEvaluation() {
		String table = """
				<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="x">
				  <decision id="broken" name="broken">
				    <decisionTable id="t">
				      <input id="i"><inputExpression id="e" typeRef="integer"><text>days</text></inputExpression></input>
				      <output id="o" name="fee" typeRef="double" />
				      <rule id="r"><inputEntry id="ie"><text>&gt; &gt; 14</text></inputEntry>
				        <outputEntry id="oe"><text>0.10</text></outputEntry></rule>
				    </decisionTable>
				  </decision>
				</definitions>""";
		DmnDecision broken = this.parsedOnce.parseDecision("broken",
				new ByteArrayInputStream(table.getBytes(StandardCharsets.UTF_8)));
		for (int attempt = 0; attempt < 2; attempt++) {
			assertThatThrownBy(() -> this.parsedOnce.evaluateDecisionTable(broken, Map.of("days", 20)))
				.isInstanceOf(FeelException.class)
				.hasMessageContaining("failed to parse expression '> > 14'");
		}
	}

	/**
	 * Decides every fact with both engines, twice with the parsed-once one; answers the
	 * outputs met.
	 */
	private List<String> decideBoth(String key, List<VariableMap> facts) throws Exception {
		DmnDecision byCamunda;
		DmnDecision byParsedOnce;
		try (InputStream model = Files.newInputStream(Path.of("processes", key + ".dmn"))) {
			byCamunda = this.camunda.parseDecision(key, model);
		}
		try (InputStream model = Files.newInputStream(Path.of("processes", key + ".dmn"))) {
			byParsedOnce = this.parsedOnce.parseDecision(key, model);
		}
		List<String> outputs = new ArrayList<>();
		for (int round = 0; round < 2; round++) {
			for (VariableMap fact : facts) {
				String expected = outcome(this.camunda.evaluateDecisionTable(byCamunda, fact));
				assertThat(outcome(this.parsedOnce.evaluateDecisionTable(byParsedOnce, fact))).as("%s", fact)
					.isEqualTo(expected);
				outputs.add(expected);
			}
		}
		return outputs;
	}

	/**
	 * One fact for every combination of the values, the first name's values changing
	 * slowest and each fact's values put in the order of the names, as nested loops in
	 * that order would make them.
	 */
	private static List<VariableMap> everyCombination(Values... values) {
		List<List<Object>> rows = List.of(List.of());
		for (Values named : values) {
			List<List<Object>> longer = new ArrayList<>();
			for (List<Object> row : rows) {
				for (Object value : named.each()) {
					List<Object> next = new ArrayList<>(row);
					next.add(value);
					longer.add(next);
				}
			}
			rows = longer;
		}
		List<VariableMap> facts = new ArrayList<>();
		for (List<Object> row : rows) {
			VariableMap fact = Variables.createVariables();
			for (int i = 0; i < values.length; i++) {
				fact.putValue(values[i].name(), row.get(i));
			}
			facts.add(fact);
		}
		return facts;
	}

	private static Values values(String name, Object... each) {
		return new Values(name, List.of(each));
	}

	/**
	 * A fact's name and the values it takes in turn.
	 */
	private record Values(String name, List<Object> each) {
	}

	private static String outcome(DmnDecisionTableResult result) {
		return (result.isEmpty()) ? "none" : String.valueOf(result.getResultList().size() == 1
				? result.getSingleResult().getSingleEntry() : result.collectEntries("approverGroup"));
	}

}
