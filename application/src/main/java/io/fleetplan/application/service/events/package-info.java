/** Implementation of the events use cases. */
package io.fleetplan.application.service.events;
