package io.returnsdesk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code docs/process-steps.md} current: for each model in {@code processes/},
 * every element that runs code (service tasks, rules, user tasks with their forms,
 * listeners), with the class that runs it. A bean a model names that no class answers to
 * fails here, before any process starts.
 */
class ProcessStepMapTests {

	static final Path PROCESSES = Path.of("processes");

	static final Path MAP = Path.of("docs", "process-steps.md");

	final Map<String, JavaClass> classes = new LinkedHashMap<>();

	@Test
	void everyStepOfTheModelsHasItsCodeAndTheMapIsCurrent() throws IOException {
		new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(getClass().getPackageName())
			.forEach((type) -> this.classes.putIfAbsent(type.getSimpleName(), type));
		Map<String, Path> forms = forms();
		List<String> missing = new ArrayList<>();
		StringBuilder map = new StringBuilder("""
				# Where each step of the processes runs

				Every element of the models in `processes/` that runs code, and the code: service
				tasks call the bean their `delegateExpression` names (`${postStockMovementsDelegate}`
				is the class `PostStockMovementsDelegate`), user tasks show their Camunda Form, rule
				tasks evaluate a DMN decision, listeners run on a task's or an element's events.
				Written by `ProcessStepMapTests` from the models; it fails when this file is out of
				date (and rewrites it) or when a model names a bean no class answers to.
				""");
		try (Stream<Path> models = Files.list(PROCESSES)) {
			for (Path model : models.filter((path) -> path.toString().endsWith(".bpmn")).sorted().toList()) {
				BpmnModelInstance instance = Bpmn.readModelFromFile(model.toFile());
				for (Process process : instance.getModelElementsByType(Process.class)) {
					map.append("\n## `%s` — %s (`%s`)\n\n".formatted(process.getId(), process.getName(), model));
					map.append("| element | name | what runs |\n|---|---|---|\n");
					for (String listener : listeners(process, missing)) {
						map.append("| `%s` | the process | %s |\n".formatted(process.getId(), listener));
					}
					for (FlowElement element : flowElements(process.getFlowElements())) {
						List<String> code = code(element, forms, missing);
						if (!code.isEmpty()) {
							map.append("| `%s` | %s | %s |\n".formatted(element.getId(),
									(element.getName() != null) ? element.getName().replace('|', '/') : "",
									String.join("<br>", code)));
						}
					}
				}
			}
		}
		assertThat(missing).as("beans the models name that no class answers to").isEmpty();
		String written = map.toString();
		boolean current = Files.exists(MAP) && Files.readString(MAP).equals(written);
		if (!current) {
			Files.createDirectories(MAP.getParent());
			Files.writeString(MAP, written);
		}
		assertThat(current).as("%s was out of date and has been rewritten: commit it", MAP).isTrue();
	}

	/**
	 * The elements, and those of their sub-processes after each, in the model's order.
	 */
	private static List<FlowElement> flowElements(Collection<FlowElement> elements) {
		List<FlowElement> all = new ArrayList<>();
		for (FlowElement element : elements) {
			all.add(element);
			if (element instanceof SubProcess sub) {
				all.addAll(flowElements(sub.getFlowElements()));
			}
		}
		return all;
	}

	private List<String> code(FlowElement element, Map<String, Path> forms, List<String> missing) {
		List<String> code = new ArrayList<>();
		if (element instanceof ServiceTask task && task.getCamundaDelegateExpression() != null) {
			code.add(((task.isCamundaAsyncBefore()) ? "async: " : "")
					+ bean(task.getCamundaDelegateExpression(), missing));
		}
		if (element instanceof BusinessRuleTask rule && rule.getCamundaDecisionRef() != null) {
			code.add("DMN decision `%s` (`processes/%s.dmn`) into `%s`".formatted(rule.getCamundaDecisionRef(),
					rule.getCamundaDecisionRef(), rule.getCamundaResultVariable()));
		}
		if (element instanceof UserTask task) {
			String groups = (task.getCamundaCandidateGroups() != null)
					? " for `" + task.getCamundaCandidateGroups() + "`" : "";
			String form = (task.getCamundaFormRef() != null)
					? "form [`%s`](../%s)".formatted(task.getCamundaFormRef(), forms.get(task.getCamundaFormRef()))
					: "no form";
			code.add("user task%s, %s".formatted(groups, form));
			for (CamundaTaskListener listener : extensions(task, CamundaTaskListener.class)) {
				code.add("on %s: %s".formatted(listener.getCamundaEvent(),
						bean(listener.getCamundaDelegateExpression(), missing)));
			}
		}
		code.addAll(listeners(element, missing));
		return code;
	}

	private List<String> listeners(BaseElement element, List<String> missing) {
		return extensions(element, CamundaExecutionListener.class).stream()
			.map((listener) -> "on %s: %s".formatted(listener.getCamundaEvent(),
					bean(listener.getCamundaDelegateExpression(), missing)))
			.toList();
	}

	private static <T extends org.camunda.bpm.model.xml.instance.ModelElementInstance> Collection<T> extensions(
			BaseElement element, Class<T> type) {
		return (element.getExtensionElements() != null)
				? element.getExtensionElements().getElementsQuery().filterByType(type).list() : List.of();
	}

	/** The class of a bean named as {@code ${name}}, linked to its source. */
	private String bean(String expression, List<String> missing) {
		if (expression == null || !expression.matches("\\$\\{\\w+}")) {
			return "`%s`".formatted(expression);
		}
		String bean = expression.substring(2, expression.length() - 1);
		JavaClass type = this.classes.get(Character.toUpperCase(bean.charAt(0)) + bean.substring(1));
		if (type == null) {
			missing.add(bean);
			return "`%s` (no class)".formatted(bean);
		}
		String name = type.getName().substring(getClass().getPackageName().length() + 1);
		return "[`%s`](../src/main/java/%s.java)".formatted(name, type.getName().replace('.', '/'));
	}

	/** The form files by the id a task's {@code formRef} names. */
	private static Map<String, Path> forms() throws IOException {
		Map<String, Path> forms = new LinkedHashMap<>();
		ObjectMapper json = new ObjectMapper();
		try (Stream<Path> files = Files.list(PROCESSES.resolve("forms"))) {
			for (Path form : files.filter((path) -> path.toString().endsWith(".form")).sorted().toList()) {
				JsonNode read = json.readTree(form.toFile());
				forms.put(read.path("id").asText(), form);
			}
		}
		return forms;
	}

}
