/**
 * The stores' side in the engine: a group and a tenant per store.
 */
package io.returnsdesk.catalog.process;
