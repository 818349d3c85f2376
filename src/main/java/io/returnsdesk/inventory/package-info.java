/**
 * Warehouses, stock levels and the stock movement ledger whose sum every level equals.
 */
package io.returnsdesk.inventory;
