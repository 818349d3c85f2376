package io.returnsdesk.returns;

/**
 * An approver rejected a return: published in the transaction that records it.
 *
 * @param number the return
 * @param requestedBy who asked for it, and may revise or withdraw it
 * @param approver who rejected it
 * @param reason why, as the approver wrote it
 */
public record ReturnRejected(String number, String requestedBy, String approver, String reason) {

}
