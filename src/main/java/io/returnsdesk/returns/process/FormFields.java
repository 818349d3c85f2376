package io.returnsdesk.returns.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.model.bpmn.instance.UserTask;

import org.springframework.stereotype.Component;

/**
 * Which names a user task's Camunda Form mentions (as field keys, in expressions or in
 * text), read from the form deployed with the task's process: a task gets copies of only
 * the data its form shows, so the engine writes and deletes fewer variables, and a
 * business analyst who adds a field to a form gets its data with the next deployment.
 * Read once per process definition and form.
 */
@Component
class FormFields {

	private static final Predicate<String> EVERYTHING = (name) -> true;

	private final RepositoryService repository;

	private final ObjectMapper json;

	private final Map<String, Predicate<String>> mentioned = new ConcurrentHashMap<>();

	FormFields(RepositoryService repository, ObjectMapper json) {
		this.repository = repository;
		this.json = json;
	}

	/**
	 * Whether the task's form mentions a name; every name when the task has no Camunda
	 * Form deployed with its process.
	 */
	Predicate<String> mentionedBy(DelegateTask task) {
		UserTask userTask = task.getBpmnModelElementInstance();
		if (userTask == null || userTask.getCamundaFormRef() == null) {
			return EVERYTHING;
		}
		// a process definition has one deployment: known ones answer without the engine
		String key = task.getProcessDefinitionId() + '/' + userTask.getCamundaFormRef();
		Predicate<String> known = this.mentioned.get(key);
		if (known != null) {
			return known;
		}
		// the form is the process's, whoever's task it is
		Predicate<String> read = Context.getCommandContext().runWithoutAuthorization(() -> {
			String deployment = this.repository.getProcessDefinition(task.getProcessDefinitionId()).getDeploymentId();
			return read(deployment, userTask.getCamundaFormRef());
		});
		Predicate<String> first = this.mentioned.putIfAbsent(key, read);
		return (first != null) ? first : read;
	}

	private Predicate<String> read(String deployment, String form) {
		for (String resource : this.repository.getDeploymentResourceNames(deployment)) {
			if (resource.endsWith(".form")) {
				String text = text(deployment, resource);
				if (form.equals(id(text))) {
					Map<String, Boolean> names = new ConcurrentHashMap<>();
					return (name) -> names.computeIfAbsent(name,
							(n) -> Pattern.compile("\\b" + Pattern.quote(n) + "\\b").matcher(text).find());
				}
			}
		}
		return EVERYTHING;
	}

	private String text(String deployment, String resource) {
		try (InputStream in = this.repository.getResourceAsStream(deployment, resource)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String id(String form) {
		try {
			JsonNode id = this.json.readTree(form).get("id");
			return (id != null) ? id.asText() : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

}
