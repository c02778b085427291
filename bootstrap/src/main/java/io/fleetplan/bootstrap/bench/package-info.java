/**
 * Fleetplan's benchmarks: order admissions per store against the bare database limit, the HTTP API
 * under concurrent clients, the planner and solver as the fleet grows, and the server's start-up
 * time and memory. One entry, {@link io.fleetplan.bootstrap.bench.Bench}; every suite prints
 * Markdown tables with the command that produced them and the machine they ran on.
 */
package io.fleetplan.bootstrap.bench;
