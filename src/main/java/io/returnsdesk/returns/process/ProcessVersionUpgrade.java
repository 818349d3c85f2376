package io.returnsdesk.returns.process;

import java.time.Duration;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the returns still running on an earlier version of {@code returnRequest} onto the
 * version just deployed, and gives their open tasks the data of the new forms, their
 * names and, where they have none, their due dates. The delegates and the forms' data
 * change with the application: a return left on an earlier model would meet today's code
 * with yesterday's form (a processing form that lists lines to scrap, which today's
 * delegate no longer reads). Activities keep their ids from one version to the next, so
 * each maps onto its namesake, timers keeping their due dates; a version that removed one
 * a return waits in cannot take it, and the return stays where it is (logged).
 */
@Component
class ProcessVersionUpgrade {

	private static final Logger log = LoggerFactory.getLogger(ProcessVersionUpgrade.class);

	private final ProcessEngine engine;

	private final TaskFormData formData;

	private final FormFields formFields;

	private final ReturnProcessSettings settings;

	private final TransactionTemplate transaction;

	ProcessVersionUpgrade(ProcessEngine engine, TaskFormData formData, FormFields formFields,
			ReturnProcessSettings settings, PlatformTransactionManager transactions) {
		this.engine = engine;
		this.formData = formData;
		this.formFields = formFields;
		this.settings = settings;
		this.transaction = new TransactionTemplate(transactions);
	}

	@EventListener(PostDeployEvent.class)
	void onDeployed() {
		upgradeRunningReturns();
	}

	/** Moves every running return onto the latest version; answers how many moved. */
	int upgradeRunningReturns() {
		ProcessDefinition latest = this.engine.getRepositoryService()
			.createProcessDefinitionQuery()
			.processDefinitionKey(ReturnProcess.PROCESS_KEY)
			.latestVersion()
			.singleResult();
		if (latest == null) {
			return 0;
		}
		int moved = 0;
		for (ProcessDefinition earlier : this.engine.getRepositoryService()
			.createProcessDefinitionQuery()
			.processDefinitionKey(ReturnProcess.PROCESS_KEY)
			.list()) {
			if (earlier.getId().equals(latest.getId())) {
				continue;
			}
			try {
				// the returns and their forms' data move together, or not at all
				moved += this.transaction.execute((status) -> upgrade(earlier, latest));
			}
			catch (OptimisticLockingException ex) {
				// another node, started at the same time, moved them
				log.info("Returns of {} were moved by another node meanwhile", earlier.getId());
			}
			catch (ProcessEngineException ex) {
				log.warn("Returns stay on {}: it cannot be mapped onto {}: {}", earlier.getId(), latest.getId(),
						ex.getMessage());
			}
		}
		return moved;
	}

	private int upgrade(ProcessDefinition earlier, ProcessDefinition latest) {
		List<String> running = this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionId(earlier.getId())
			.list()
			.stream()
			.map(ProcessInstance::getId)
			.toList();
		if (running.isEmpty()) {
			return 0;
		}
		MigrationPlan plan = this.engine.getRuntimeService()
			.createMigrationPlan(earlier.getId(), latest.getId())
			.mapEqualActivities()
			.build();
		this.engine.getRuntimeService().newMigration(plan).processInstanceIds(running).execute();
		this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceIdIn(running.toArray(String[]::new))
			.list()
			.forEach(this::refreshFormData);
		log.info("Moved {} return(s) from {} onto {}", running.size(), earlier.getId(), latest.getId());
		return running.size();
	}

	private void refreshFormData(Task task) {
		var runtime = this.engine.getRuntimeService();
		String number = (String) runtime.getVariable(task.getExecutionId(), ReturnProcess.VAR_RETURN_NUMBER);
		String approverGroup = (String) runtime.getVariable(task.getExecutionId(), ReturnProcess.VAR_APPROVER_GROUP);
		UserTask step = this.engine.getRepositoryService()
			.getBpmnModelInstance(task.getProcessDefinitionId())
			.getModelElementById(task.getTaskDefinitionKey());
		TaskFormData.Data data = this.formData.of(number, (step != null) ? step.getName() : task.getName(),
				approverGroup, this.formFields.mentionedBy(task.getProcessDefinitionId(), task.getTaskDefinitionKey()));
		task.setName(data.name());
		Duration due = this.settings.dueAfter(task.getTaskDefinitionKey());
		if (task.getDueDate() == null && due != null) {
			// made before the model gave its tasks due dates: due as if made today
			task.setDueDate(Date.from(task.getCreateTime().toInstant().plus(due)));
		}
		this.engine.getTaskService().saveTask(task);
		this.engine.getTaskService().setVariablesLocal(task.getId(), data.variables());
	}

}
