package io.fleetplan.application.archviolation;

import com.google.inject.Injector;

/** Seeded violation: the application depending on the DI container. */
public class ServiceUsingGuice {
    public Injector injector;
}
