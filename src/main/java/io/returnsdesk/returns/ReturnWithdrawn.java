package io.returnsdesk.returns;

/**
 * The requester gave up a rejected return; its units can be returned again: published in
 * the transaction that closes it.
 *
 * @param number the return
 * @param actor who withdrew it
 */
public record ReturnWithdrawn(String number, String actor) {

}
