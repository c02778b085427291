/** Implementation of the capex use cases. */
package io.fleetplan.application.service.capex;
