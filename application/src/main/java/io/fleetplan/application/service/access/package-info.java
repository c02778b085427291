/** Implementation of the access use cases. */
package io.fleetplan.application.service.access;
