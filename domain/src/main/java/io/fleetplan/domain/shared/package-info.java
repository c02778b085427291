/**
 * Values every aggregate speaks in: {@link io.fleetplan.domain.shared.Money}, {@link io.fleetplan.domain.shared.Quarter},
 * {@link io.fleetplan.domain.shared.Power}, the ids, the domain events, and the error types with their stable codes.
 */
package io.fleetplan.domain.shared;
