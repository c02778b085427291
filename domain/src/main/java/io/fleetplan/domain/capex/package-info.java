/** Capital: commitments, their tranches, spend and amendments, and the burn figures planners read. */
package io.fleetplan.domain.capex;
