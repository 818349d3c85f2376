package io.returnsdesk.returns.process;

import io.returnsdesk.returns.internal.ReturnProcessing;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordProcessing}: what the warehouse recorded: warehouse, refund, and what
 * came back of each line on which day.
 */
@Component
class RecordProcessingDelegate implements JavaDelegate {

	private final ReturnProcessing processing;

	private final GoodsReceiptVariables receipt;

	RecordProcessingDelegate(ReturnProcessing processing, GoodsReceiptVariables receipt) {
		this.processing = processing;
		this.receipt = receipt;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String number = ProcessVariables.string(execution, ReturnProcess.VAR_RETURN_NUMBER);
		this.processing.record(number, ProcessVariables.string(execution, ReturnProcess.VAR_PROCESSOR_ID),
				ProcessVariables.string(execution, ReturnProcess.VAR_WAREHOUSE_CODE),
				ProcessVariables.string(execution, ReturnProcess.VAR_REFUND_METHOD),
				ProcessVariables.decimal(execution, ReturnProcess.VAR_REFUND_AMOUNT), this.receipt.read(execution));
		// recorded in the return: a later round of processing (finance sent it back)
		// starts
		// from "absent" again, as the contract reads it, not from this round's values
		execution.removeVariables(GoodsReceiptVariables.NAMES);
	}

}
