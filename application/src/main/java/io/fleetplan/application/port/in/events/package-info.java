/** The event log: every decision, who made it, when and why. */
package io.fleetplan.application.port.in.events;
