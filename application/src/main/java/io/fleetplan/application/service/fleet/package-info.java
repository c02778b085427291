/** Implementation of the fleet use cases. */
package io.fleetplan.application.service.fleet;
