package io.returnsdesk.returns;

import java.time.LocalDate;

/**
 * What came back of a processed return, summed over its lines.
 *
 * @param type customer or supplier return
 * @param asked the units asked back
 * @param received the units received (handed to the supplier, for a supplier return)
 * @param writtenOff the units received and written off
 * @param returnedOn the day the goods came back
 */
public record ReceivedUnits(ReturnType type, int asked, int received, int writtenOff, LocalDate returnedOn) {

}
