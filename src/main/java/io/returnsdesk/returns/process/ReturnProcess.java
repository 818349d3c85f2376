package io.returnsdesk.returns.process;

import io.returnsdesk.engine.StoreTenancy;

/**
 * The contract of the {@code returnRequest} process: ids, variables and messages shared
 * by the delegates, the BPMN model in {@code processes/} and the tests.
 */
public final class ReturnProcess {

	public static final String PROCESS_KEY = "returnRequest";

	public static final String DECISION_POLICY = "returnPolicy";

	public static final String DECISION_RESTOCKING_FEE = "restockingFee";

	public static final String DECISION_RETURNLESS_REFUND = "returnlessRefund";

	/** The restocking fee's condition of units restocked, or not yet counted. */
	public static final String CONDITION_RESALEABLE = "RESALEABLE";

	/** The restocking fee's condition of units written off. */
	public static final String CONDITION_WRITTEN_OFF = "WRITTEN_OFF";

	// user tasks (the public contract of DESIGN.md)
	public static final String TASK_APPROVE = "approveReturn";

	public static final String TASK_REVISE = "reviseReturn";

	public static final String TASK_PROCESS = "processReturn";

	public static final String TASK_CONFIRM = "confirmReturn";

	// service and rule tasks
	public static final String TASK_ASSESS_POLICY = "Task_AssessReturnPolicy";

	public static final String TASK_RECORD_APPROVAL = "Task_RecordApproval";

	public static final String TASK_RECORD_REJECTION = "Task_RecordRejection";

	public static final String TASK_RESUBMIT = "Task_ResubmitReturn";

	public static final String TASK_WITHDRAW = "Task_WithdrawReturn";

	public static final String TASK_REMIND_APPROVERS = "Task_RemindApprovers";

	public static final String TASK_RECORD_PROCESSING = "Task_RecordProcessing";

	public static final String TASK_REOPEN_PROCESSING = "Task_ReopenProcessing";

	public static final String TASK_RECORD_RETURNLESS_REFUND = "Task_RecordReturnlessRefund";

	public static final String GATEWAY_GOODS_COME_BACK = "Gateway_GoodsComeBack";

	public static final String TASK_POST_STOCK_MOVEMENTS = "Task_PostStockMovements";

	public static final String TASK_POST_FINANCE_ENTRIES = "Task_PostFinanceEntries";

	public static final String TASK_MARK_CONFIRMED = "Task_MarkReturnConfirmed";

	public static final String TASK_RAISE_REPLACEMENT = "Task_RaiseReplacementShipment";

	public static final String TIMER_APPROVAL_OVERDUE = "BoundaryEvent_ApprovalOverdue";

	// end events
	public static final String END_CONFIRMED = "EndEvent_ReturnConfirmed";

	public static final String END_EXCHANGED = "EndEvent_ReturnExchanged";

	public static final String END_WITHDRAWN = "EndEvent_ReturnWithdrawn";

	public static final String END_APPROVERS_REMINDED = "EndEvent_ApproversReminded";

	// variables
	public static final String VAR_RETURN_NUMBER = "returnNumber";

	public static final String VAR_REQUESTED_BY = "requestedBy";

	/** The store of the return's original order: the instance belongs to it. */
	public static final String VAR_STORE_CODE = StoreTenancy.STORE_VARIABLE;

	public static final String VAR_APPROVER_GROUP = "approverGroup";

	public static final String VAR_APPROVED = "approved";

	public static final String VAR_REJECTION_REASON = "rejectionReason";

	public static final String VAR_RESUBMIT = "resubmit";

	public static final String VAR_WAREHOUSE_CODE = "warehouseCode";

	public static final String VAR_REFUND_METHOD = "refundMethod";

	public static final String VAR_REFUND_AMOUNT = "refundAmount";

	/**
	 * Json object: line number to units received; absent, every line came back in full.
	 */
	public static final String VAR_RECEIVED_QUANTITIES = "receivedQuantities";

	/** Json object: line number to units written off of those received; absent, none. */
	public static final String VAR_SCRAPPED_QUANTITIES = "scrappedQuantities";

	/** {@code yyyy-MM-dd}, the day the goods came back; absent, today. */
	public static final String VAR_RETURNED_ON = "returnedOn";

	public static final String VAR_CONFIRMED = "confirmed";

	public static final String VAR_CONFIRMATION_NOTE = "confirmationNote";

	public static final String VAR_APPROVER_ID = "approverId";

	public static final String VAR_PROCESSOR_ID = "processorId";

	public static final String VAR_CONFIRMER_ID = "confirmerId";

	private ReturnProcess() {
	}

}
