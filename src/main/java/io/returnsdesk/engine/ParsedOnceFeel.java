package io.returnsdesk.engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

import org.springframework.stereotype.Component;

/**
 * FEEL for the decision tables (the engine's, and the policy tables the application
 * evaluates in memory) that parses each expression once. Camunda's FEEL adapter parses
 * every input entry and output of a table again at each evaluation, which took a tenth of
 * a return's request; a parsed expression never changes and is shared by all threads.
 * Evaluation is the adapter's own, with the same value mappers and the same messages.
 */
@Component
public class ParsedOnceFeel extends AbstractProcessEnginePlugin implements FeelEngineFactory {

	// the expressions of the deployed tables: a few hundred; started afresh past this
	private static final int MOST_EXPRESSIONS = 10_000;

	private final FeelEngine engine = new Engine();

	@Override
	public FeelEngine createInstance() {
		return this.engine;
	}

	/** The engine's decision tables evaluated with this FEEL. */
	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
		if (dmn == null) {
			dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
			configuration.setDmnEngineConfiguration(dmn);
		}
		dmn.setFeelEngineFactory(this);
	}

	/** A DMN engine of its own (no history, no engine around it) with this FEEL. */
	public DmnEngine dmnEngine() {
		DefaultDmnEngineConfiguration dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
			.createDefaultDmnEngineConfiguration();
		dmn.setFeelEngineFactory(this);
		return dmn.buildEngine();
	}

	private static final class Engine extends ScalaFeelEngine {

		private final Map<String, ParsedExpression> expressions = new ConcurrentHashMap<>();

		private final Map<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();

		Engine() {
			super(List.of());
		}

		@Override
		@SuppressWarnings("unchecked")
		public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
			ParsedExpression parsed = parsed(this.expressions, expression, this.feelEngine::parseExpression);
			CustomContext context = new CustomContext() {
				@Override
				public VariableProvider variableProvider() {
					return new ContextVariableWrapper(variables);
				}
			};
			return (T) value(this.feelEngine.eval(parsed, context));
		}

		@Override
		public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
			ParsedExpression parsed = parsed(this.unaryTests, expression, this.feelEngine::parseUnaryTests);
			StaticVariableProvider input = new StaticVariableProvider(
					new camundajar.impl.scala.collection.immutable.Map.Map1<>(INPUT_VARIABLE_NAME, inputVariable));
			ContextVariableWrapper wrapper = new ContextVariableWrapper(variables);
			CustomContext context = new CustomContext() {
				@Override
				public VariableProvider variableProvider() {
					return new CompositeVariableProvider(toScalaList(input, wrapper));
				}
			};
			// as the adapter: no result is no match
			return Boolean.TRUE.equals(value(this.feelEngine.eval(parsed, context)));
		}

		private static ParsedExpression parsed(Map<String, ParsedExpression> cache, String expression,
				Function<String, Either<Failure, ParsedExpression>> parser) {
			ParsedExpression parsed = cache.get(expression);
			if (parsed == null) {
				// a failure to parse is not kept: it is raised at every evaluation, as
				// before
				parsed = (ParsedExpression) value(parser.apply(expression));
				if (cache.size() >= MOST_EXPRESSIONS) {
					cache.clear();
				}
				cache.put(expression, parsed);
			}
			return parsed;
		}

		private static Object value(Either<Failure, ?> result) {
			if (result instanceof Right<?, ?> right) {
				return right.value();
			}
			throw LOGGER.evaluationException(((Failure) ((Left<?, ?>) result).value()).message());
		}

	}

}
