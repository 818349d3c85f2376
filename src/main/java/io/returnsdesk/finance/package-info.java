/**
 * The books of returns: the chart of accounts, a journal of balanced entries numbered
 * without gaps, credit and debit notes, the trial balance and the reconciliation of
 * inventory at cost with its account.
 */
package io.returnsdesk.finance;
