package io.returnsdesk.returns;

/**
 * Finance sent a processed return back to the warehouse for correction: published in the
 * transaction that records it.
 *
 * @param number the return
 * @param actor who sent it back
 * @param note what finance asks to correct
 * @param units what the warehouse recorded as having come back
 */
public record ProcessingReopened(String number, String actor, String note, ReceivedUnits units) {

}
