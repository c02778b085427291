/** The fleet: accelerator types, server SKUs, server batches and the deployment pipeline steps that move them into service. */
package io.fleetplan.application.port.in.fleet;
