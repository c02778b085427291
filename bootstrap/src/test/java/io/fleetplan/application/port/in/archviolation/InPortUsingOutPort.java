package io.fleetplan.application.port.in.archviolation;

import io.fleetplan.application.port.out.Stores;

/** Seeded violation: an in-port exposing an out-port. */
public interface InPortUsingOutPort {
    Stores stores();
}
