package io.returnsdesk.returns;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A return has waited longer for a decision than the approval reminder allows: published
 * each time the reminder fires.
 *
 * @param number the return
 * @param approverGroup the group whose decision it waits for
 * @param requestedBy who asked for it
 * @param requestedAt when
 * @param amount the value of the units asked back
 */
public record ApprovalOverdue(String number, String approverGroup, String requestedBy, Instant requestedAt,
		BigDecimal amount) {

}
