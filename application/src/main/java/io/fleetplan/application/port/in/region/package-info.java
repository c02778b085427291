/** Regions and data centres: register them, change a site's power and throughput, read them with their pipeline and power figures. */
package io.fleetplan.application.port.in.region;
