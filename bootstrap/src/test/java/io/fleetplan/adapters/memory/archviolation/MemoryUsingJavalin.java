package io.fleetplan.adapters.memory.archviolation;

import io.javalin.Javalin;

/** Seeded violation: Javalin outside the HTTP adapter. */
public class MemoryUsingJavalin {
    public Javalin server;
}
