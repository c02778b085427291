/** Wiring: Guice modules choosing adapters, the embedded entry point, main and the demo. */
package io.fleetplan.bootstrap;
