/**
 * Everything that knows Camunda: starting and correlating the return process, its
 * delegates, listeners and the facts its policy reads.
 */
package io.returnsdesk.returns.process;
