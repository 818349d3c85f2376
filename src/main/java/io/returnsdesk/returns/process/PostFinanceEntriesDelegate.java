package io.returnsdesk.returns.process;

import io.returnsdesk.returns.internal.ReturnBooks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code Task_PostFinanceEntries}: the confirmed return posts its balanced journal entry
 * and issues its credit or debit note, once.
 */
@Component
class PostFinanceEntriesDelegate implements JavaDelegate {

	private final ReturnBooks books;

	PostFinanceEntriesDelegate(ReturnBooks books) {
		this.books = books;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String number = ProcessVariables.string(execution, ReturnProcess.VAR_RETURN_NUMBER);
		this.books.post(number);
	}

}
