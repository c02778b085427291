/** The in-memory store: the reference implementation of every out-port. */
package io.fleetplan.adapters.memory;
