/** Capex commitments: create, plan tranches, record spend, amend, and read the status figures planners track. */
package io.fleetplan.application.port.in.capex;
