/**
 * The JSON API under {@code /api}: orders, returns, stock and finance, errors as RFC 7807
 * problems.
 */
package io.returnsdesk.web;
