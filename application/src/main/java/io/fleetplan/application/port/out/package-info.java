/**
 * Out-ports: what the application needs from the world. One repository per aggregate, the
 * {@link io.fleetplan.application.port.out.UnitOfWork} every use case runs in, and the
 * {@link io.fleetplan.application.port.out.EventLog}. Stores implement them all and hand them over as
 * {@link io.fleetplan.application.port.out.Stores}; the time comes from a {@link java.time.Clock}.
 * Every store runs the contract suites of the application test-jar.
 */
package io.fleetplan.application.port.out;
