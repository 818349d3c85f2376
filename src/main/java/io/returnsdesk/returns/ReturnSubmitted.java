package io.returnsdesk.returns;

/**
 * A new return request was saved and awaits approval.
 */
public record ReturnSubmitted(String returnNumber, String requestedBy) {

}
