/**
 * The return-rate review process on Camunda: its contract, delegates and form data.
 */
package io.returnsdesk.reporting.process;
