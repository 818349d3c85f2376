/**
 * Messages to the people and groups a return concerns.
 */
package io.returnsdesk.notification;
