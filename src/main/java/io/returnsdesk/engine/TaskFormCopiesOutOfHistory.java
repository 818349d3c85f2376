package io.returnsdesk.engine;

import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

import org.springframework.stereotype.Component;

/**
 * Keeps the copies that task forms show out of the engine's history. When a user task is
 * created, its listener copies what the form shows about the return (order, lines,
 * amounts, earlier rejections, ...) into task-local variables; they live as long as the
 * task, and the return's own tables hold the facts. With history {@code full}, each of
 * them would also be written twice to the history tables (instance and detail) and
 * stamped with its removal time when the process ends: about 150 rows per return, twice
 * the engine's own. Decisions (variables of the process, set when a task is completed)
 * and everything else are recorded as before.
 */
@Component
class TaskFormCopiesOutOfHistory extends AbstractProcessEnginePlugin {

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setHistoryEventHandler(new Filter(configuration.getHistoryEventHandler()));
	}

	/** Whether a history event is about a task-local variable. */
	static boolean isTaskFormCopy(HistoryEvent event) {
		return event instanceof HistoricVariableUpdateEventEntity variable && variable.getTaskId() != null;
	}

	/** The engine's handler, without the events of task-local variables. */
	private static final class Filter implements HistoryEventHandler {

		private final HistoryEventHandler handler;

		Filter(HistoryEventHandler handler) {
			this.handler = handler;
		}

		@Override
		public void handleEvent(HistoryEvent event) {
			if (!isTaskFormCopy(event)) {
				this.handler.handleEvent(event);
			}
		}

		@Override
		public void handleEvents(List<HistoryEvent> events) {
			this.handler.handleEvents(events.stream().filter((event) -> !isTaskFormCopy(event)).toList());
		}

	}

}
