package io.fleetplan.adapters.http.archviolation;

import io.fleetplan.adapters.memory.InMemoryStores;
import io.fleetplan.application.service.ApplicationServices;
import org.jooq.DSLContext;

/** Seeded violation: an adapter using a service implementation, another adapter and jOOQ. */
public class HttpReachingAround {
    public ApplicationServices services;
    public DSLContext sql;

    public Object store() {
        return InMemoryStores.create();
    }
}
