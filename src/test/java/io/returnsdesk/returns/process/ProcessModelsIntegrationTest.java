package io.returnsdesk.returns.process;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.returnsdesk.support.IntegrationTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What is deployed from {@code processes/}: the process, the policy and a Camunda Form
 * for every user task, asking for the variables of the process contract.
 */
@IntegrationTest
class ProcessModelsIntegrationTest {

	@Autowired
	RepositoryService repository;

	@Test
	void deploysTheProcessThePolicyAndAFormPerUserTask() throws Exception {
		ProcessDefinition definition = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(ReturnProcess.PROCESS_KEY)
			.latestVersion()
			.singleResult();
		assertThat(definition.getHistoryTimeToLive()).isPositive();
		assertThat(this.repository.createDecisionDefinitionQuery()
			.decisionDefinitionKey(ReturnProcess.DECISION_POLICY)
			.count()).isPositive();
		List<String> resources = this.repository.getDeploymentResourceNames(definition.getDeploymentId());
		BpmnModelInstance model = this.repository.getBpmnModelInstance(definition.getId());
		for (UserTask task : model.getModelElementsByType(UserTask.class)) {
			assertThat(task.getCamundaFormRef()).as("form of %s", task.getId()).isEqualTo(task.getId());
			assertThat(task.getCamundaFormRefBinding()).isEqualTo("deployment");
			String resource = "forms/" + task.getId() + ".form";
			assertThat(resources).contains(resource);
			String form = read(definition.getDeploymentId(), resource);
			assertThat(form).contains("\"id\": \"" + task.getId() + "\"");
			for (String variable : contractVariables(task.getId())) {
				assertThat(form).as("%s asks for %s", task.getId(), variable).contains("\"key\": \"" + variable + "\"");
			}
		}
	}

	private static List<String> contractVariables(String taskId) {
		return switch (taskId) {
			case ReturnProcess.TASK_APPROVE -> List.of("approved", "rejectionReason");
			case ReturnProcess.TASK_REVISE -> List.of("resubmit");
			case ReturnProcess.TASK_PROCESS -> List.of("warehouseCode", "refundMethod", "refundAmount",
					"receivedQuantities", "scrappedQuantities", "returnedOn");
			case ReturnProcess.TASK_CONFIRM -> List.of("confirmed", "confirmationNote");
			default -> throw new IllegalArgumentException("Unexpected user task " + taskId);
		};
	}

	private String read(String deploymentId, String resource) throws Exception {
		try (InputStream in = this.repository.getResourceAsStream(deploymentId, resource)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
