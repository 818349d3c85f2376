/**
 * The demo run's Camunda side: users, groups, Tasklist filters, and earlier returns
 * driven through the real process.
 */
package io.returnsdesk.demo.process;
