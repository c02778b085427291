/** Implementation of the region use cases. */
package io.fleetplan.application.service.region;
