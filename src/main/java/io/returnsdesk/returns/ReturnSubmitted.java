package io.returnsdesk.returns;

/**
 * A new return request was saved and awaits approval; it belongs to the store of its
 * original order.
 */
public record ReturnSubmitted(String returnNumber, String requestedBy, String storeCode) {

}
