/**
 * The side of notifications that knows Camunda: the engine's users, their e-mail
 * addresses, group memberships and languages.
 */
package io.returnsdesk.notification.process;
