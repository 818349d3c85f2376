/**
 * The one door to the engine's internals ({@code org.camunda.bpm.engine.impl}) and its
 * own tables: its clock, work done as the application, the current user, pausing its
 * jobs, its history and identity tables in SQL; every other package uses the engine's
 * public API.
 */
package io.returnsdesk.engine;
