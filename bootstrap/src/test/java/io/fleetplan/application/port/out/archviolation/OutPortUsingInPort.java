package io.fleetplan.application.port.out.archviolation;

import io.fleetplan.application.port.in.Page;

/** Seeded violation: an out-port returning an in-port type. */
public interface OutPortUsingInPort {
    Page<String> page();
}
