package io.returnsdesk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every activity and event of the models in {@code processes/}, and every gateway that
 * decides between paths, has a name: what Cockpit, the diagram in the README and a
 * business analyst read (bpmnlint's {@code label-required}).
 */
class ModelLabelsTests {

	@Test
	void everyStepOfEveryModelIsLabelled() throws IOException {
		List<String> unlabelled = new ArrayList<>();
		try (Stream<Path> models = Files.list(Path.of("processes"))) {
			for (Path model : models.filter((path) -> path.toString().endsWith(".bpmn")).sorted().toList()) {
				BpmnModelInstance instance = Bpmn.readModelFromFile(model.toFile());
				for (FlowNode node : instance.getModelElementsByType(FlowNode.class)) {
					boolean deciding = node instanceof Gateway && node.getOutgoing().size() > 1;
					boolean needsName = node instanceof Activity || node instanceof Event || deciding;
					if (needsName && (node.getName() == null || node.getName().isBlank())) {
						unlabelled
							.add(model.getFileName() + ": " + node.getElementType().getTypeName() + " " + node.getId());
					}
				}
			}
		}
		assertThat(unlabelled).as("steps without a name").isEmpty();
	}

}
