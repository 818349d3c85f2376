/**
 * Camunda's REST API at {@code /engine-rest}: its login, and answers a client can act on
 * when the application refuses a task's completion.
 */
package io.returnsdesk.web.process;
