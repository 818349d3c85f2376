package io.returnsdesk.returns;

/**
 * A return as other modules refer to it: its id, number and status.
 */
public record ReturnReference(long id, String number, ReturnStatus status) {

}
