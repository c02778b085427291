/** Implementation of the planning use cases: scenarios, plans from the live state, comparison and the solver. */
package io.fleetplan.application.service.planning;
