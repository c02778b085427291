package io.fleetplan.archviolation.cycle.b;

import io.fleetplan.archviolation.cycle.a.Ping;

/** Seeded violation: the other half of a package cycle. */
public class Pong {
    public Ping ping;
}
