/**
 * Return analysis: return rates and amounts by product, store, reason and month.
 */
package io.returnsdesk.reporting;
