package io.returnsdesk.returns.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.returnsdesk.engine.EngineCommands;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;

import org.springframework.stereotype.Component;

/**
 * Which names a user task's Camunda Form mentions (as field keys, in expressions or in
 * text), read from the form deployed with the task's process: a task gets copies of only
 * the data its form shows, so the engine writes and deletes fewer variables, and a
 * business analyst who adds a field to a form gets its data with the next deployment. A
 * form mentions a name in the form's data as {@code view.name}, or by the name alone as
 * forms deployed before that data was one variable do. Read once per process definition
 * and form.
 */
@Component
class FormFields {

	/** What a task's form mentions. */
	interface Mentions {

		/** The form mentions {@code view.name}. */
		boolean inView(String name);

		/** The form mentions the name alone. */
		boolean alone(String name);

	}

	/** A task without a Camunda Form: Tasklist shows all its variables. */
	private static final Mentions EVERYTHING = new Mentions() {

		@Override
		public boolean inView(String name) {
			return true;
		}

		@Override
		public boolean alone(String name) {
			return false;
		}

	};

	private static final Pattern TEMPLATE = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);

	private final RepositoryService repository;

	private final ObjectMapper json;

	private final EngineCommands engine;

	private final Map<String, Mentions> mentioned = new ConcurrentHashMap<>();

	FormFields(RepositoryService repository, ObjectMapper json, EngineCommands engine) {
		this.repository = repository;
		this.json = json;
		this.engine = engine;
	}

	/**
	 * What the task's form mentions; every name, in the form's data, when the task has no
	 * Camunda Form deployed with its process.
	 */
	Mentions mentionedBy(DelegateTask task) {
		// the form is the process's, whoever's task it is
		return this.engine
			.asTheApplication(() -> mentionedBy(task.getProcessDefinitionId(), task.getBpmnModelElementInstance()));
	}

	/**
	 * What the form of a user task of a process definition mentions, outside a task's
	 * listener.
	 */
	Mentions mentionedBy(String processDefinitionId, String taskDefinitionKey) {
		UserTask userTask = this.repository.getBpmnModelInstance(processDefinitionId)
			.getModelElementById(taskDefinitionKey);
		return mentionedBy(processDefinitionId, userTask);
	}

	private Mentions mentionedBy(String processDefinitionId, UserTask userTask) {
		if (userTask == null || userTask.getCamundaFormRef() == null) {
			return EVERYTHING;
		}
		// a process definition has one deployment: known ones answer without the engine
		String key = processDefinitionId + '/' + userTask.getCamundaFormRef();
		Mentions known = this.mentioned.get(key);
		if (known != null) {
			return known;
		}
		String deployment = this.repository.getProcessDefinition(processDefinitionId).getDeploymentId();
		Mentions read = read(deployment, userTask.getCamundaFormRef());
		Mentions first = this.mentioned.putIfAbsent(key, read);
		return (first != null) ? first : read;
	}

	private Mentions read(String deployment, String form) {
		for (String resource : this.repository.getDeploymentResourceNames(deployment)) {
			if (resource.endsWith(".form")) {
				JsonNode text = parse(text(deployment, resource));
				if (text != null && form.equals(text.path("id").asText(null))) {
					return mentionsOf(text);
				}
			}
		}
		return EVERYTHING;
	}

	/** What a Camunda Form (its JSON) mentions. */
	static Mentions mentionsOf(JsonNode form) {
		StringBuilder expressions = new StringBuilder();
		collectExpressions(form, null, expressions);
		return new ExpressionMentions(expressions.toString());
	}

	/**
	 * What of a form can name data: templates ({@code {{...}}}), expressions
	 * ({@code =...}), field keys, the keys of options and the paths of lists.
	 */
	private static void collectExpressions(JsonNode node, String field, StringBuilder expressions) {
		if (node.isTextual()) {
			String value = node.asText();
			if ("key".equals(field) || "valuesKey".equals(field) || "path".equals(field) || value.startsWith("=")) {
				expressions.append(value).append('\n');
			}
			Matcher template = TEMPLATE.matcher(value);
			while (template.find()) {
				expressions.append(template.group(1)).append('\n');
			}
		}
		else if (node.isObject()) {
			node.properties().forEach((entry) -> collectExpressions(entry.getValue(), entry.getKey(), expressions));
		}
		else if (node.isArray()) {
			node.forEach((element) -> collectExpressions(element, null, expressions));
		}
	}

	/** The mentions in a form's expressions, each looked up once. */
	private static final class ExpressionMentions implements Mentions {

		private final String expressions;

		private final Map<String, Boolean> inView = new ConcurrentHashMap<>();

		private final Map<String, Boolean> alone = new ConcurrentHashMap<>();

		ExpressionMentions(String expressions) {
			this.expressions = expressions;
		}

		@Override
		public boolean inView(String name) {
			return this.inView.computeIfAbsent(name, (n) -> find("\\b" + TaskFormData.VIEW + "\\." + Pattern.quote(n)));
		}

		@Override
		public boolean alone(String name) {
			return this.alone.computeIfAbsent(name, (n) -> find("(?<![\\w.])" + Pattern.quote(n)));
		}

		private boolean find(String mention) {
			return Pattern.compile(mention + "\\b").matcher(this.expressions).find();
		}

	}

	private String text(String deployment, String resource) {
		try (InputStream in = this.repository.getResourceAsStream(deployment, resource)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private JsonNode parse(String form) {
		try {
			return this.json.readTree(form);
		}
		catch (IOException ex) {
			return null;
		}
	}

}
