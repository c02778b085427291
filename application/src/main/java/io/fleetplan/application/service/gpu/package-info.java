/** Implementation of the gpu use cases. */
package io.fleetplan.application.service.gpu;
