/**
 * The general ledger of returns: double-entry postings that balance per document.
 */
package io.returnsdesk.finance;
