package io.returnsdesk.returns;

/**
 * The requester of a rejected return has revised it and resubmits it, or withdraws it.
 */
public record ReturnRevised(String returnNumber, String actor, boolean resubmit) {

}
