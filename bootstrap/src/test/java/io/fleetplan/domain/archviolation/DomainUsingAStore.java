package io.fleetplan.domain.archviolation;

import io.fleetplan.application.port.out.Stores;

/** Seeded violation: the domain reaching out to an application port. */
public class DomainUsingAStore {
    public Stores stores;
}
