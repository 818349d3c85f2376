package io.returnsdesk.returns.process;

import java.util.List;

import io.returnsdesk.returns.internal.ReturnProcessing;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code Task_ReopenProcessing}: finance sent the return back to the warehouse with a
 * note.
 */
@Component
class ReopenProcessingDelegate implements JavaDelegate {

	private final ReturnProcessing processing;

	ReopenProcessingDelegate(ReturnProcessing processing) {
		this.processing = processing;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String number = ProcessVariables.string(execution, ReturnProcess.VAR_RETURN_NUMBER);
		this.processing.reopen(number, ProcessVariables.string(execution, ReturnProcess.VAR_CONFIRMER_ID),
				ProcessVariables.string(execution, ReturnProcess.VAR_CONFIRMATION_NOTE));
		// a fresh confirmation: Tasklist would otherwise show the earlier refusal already
		// filled in;
		// the note stays with the return, where the warehouse's form reads it
		execution.removeVariables(List.of(ReturnProcess.VAR_CONFIRMED, ReturnProcess.VAR_CONFIRMATION_NOTE));
	}

}
