/**
 * Demo data for the default run: stores, warehouses, products, parties and a few months
 * of orders.
 */
package io.returnsdesk.demo;
