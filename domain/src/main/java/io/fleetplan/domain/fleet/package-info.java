/** The hardware: accelerator types, server SKUs and server batches moving through the deployment pipeline. */
package io.fleetplan.domain.fleet;
