/**
 * Master data: products with their barcodes and prices, stores, customers and suppliers.
 */
package io.returnsdesk.catalog;
