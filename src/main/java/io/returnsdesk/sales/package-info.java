/**
 * Original orders: sales orders with their shipments and purchase orders with their
 * receipts.
 */
package io.returnsdesk.sales;
