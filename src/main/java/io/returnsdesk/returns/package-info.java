/**
 * Return orders: requests against an original order, their rules, numbering and effects
 * on stock and finance.
 */
package io.returnsdesk.returns;
