package io.returnsdesk.returns.process;

import io.returnsdesk.engine.EngineHistoryTables;
import io.returnsdesk.returns.ReturnNotFoundException;
import io.returnsdesk.returns.ReturnQueries;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives the returns that the engine ran before the stores became its tenants their
 * store's tenant, running or ended, with their tasks, variables and history: from then
 * on, like every new return, they are seen only by their store's users and the head
 * office. Nothing to do once done (a query that finds none).
 */
@Component
class ReturnStoresInTheEngine {

	private static final Logger log = LoggerFactory.getLogger(ReturnStoresInTheEngine.class);

	private final HistoryService history;

	private final ReturnQueries returns;

	private final EngineHistoryTables tables;

	private final TransactionTemplate transaction;

	ReturnStoresInTheEngine(HistoryService history, ReturnQueries returns, EngineHistoryTables tables,
			PlatformTransactionManager transactions) {
		this.history = history;
		this.returns = returns;
		this.tables = tables;
		this.transaction = new TransactionTemplate(transactions);
	}

	@EventListener(PostDeployEvent.class)
	void onDeployed() {
		int given = giveStores();
		if (given > 0) {
			log.info("Gave {} earlier returns their store's tenant in the engine", given);
		}
	}

	/** Gives every return instance of no tenant its store's; answers how many. */
	int giveStores() {
		int given = 0;
		for (HistoricProcessInstance instance : this.history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(ReturnProcess.PROCESS_KEY)
			.withoutTenantId()
			.list()) {
			String store;
			try {
				store = this.returns.get(instance.getBusinessKey()).storeCode();
			}
			catch (ReturnNotFoundException ex) {
				continue;
			}
			if (store != null) {
				this.transaction.executeWithoutResult((status) -> this.tables.giveTenant(instance.getId(), store));
				given++;
			}
		}
		return given;
	}

}
