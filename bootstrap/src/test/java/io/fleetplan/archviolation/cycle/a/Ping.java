package io.fleetplan.archviolation.cycle.a;

import io.fleetplan.archviolation.cycle.b.Pong;

/** Seeded violation: one half of a package cycle. */
public class Ping {
    public Pong pong;
}
