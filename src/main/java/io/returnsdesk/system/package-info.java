/**
 * Cross-cutting set-up: time, security and the error format of the API.
 */
package io.returnsdesk.system;
