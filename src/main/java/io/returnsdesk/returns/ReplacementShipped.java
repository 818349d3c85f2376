package io.returnsdesk.returns;

/**
 * The replacement of an exchange left the warehouse that took the return: published in
 * the transaction that ships it.
 *
 * @param number the return
 * @param orderNumber its original order, which records the replacement shipment
 * @param requestedBy who asked for the return
 * @param warehouseCode where the replacement left from
 */
public record ReplacementShipped(String number, String orderNumber, String requestedBy, String warehouseCode) {

}
