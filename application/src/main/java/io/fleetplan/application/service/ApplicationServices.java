package io.fleetplan.application.service;

import io.fleetplan.application.port.out.Stores;
import io.fleetplan.application.service.access.AccessService;
import io.fleetplan.application.service.capex.CapexService;
import io.fleetplan.application.service.support.CommandValidator;
import io.fleetplan.application.service.support.UseCases;
import io.fleetplan.application.service.events.EventService;
import io.fleetplan.application.service.fleet.FleetService;
import io.fleetplan.application.service.gpu.OrderService;
import io.fleetplan.application.service.planning.PlanningService;
import io.fleetplan.application.service.records.ImportService;
import io.fleetplan.application.service.region.RegionService;
import jakarta.validation.Validator;

import java.time.Clock;

/**
 * Every use case built over one store, one clock and one validator: plain constructors, no
 * container. Bootstrap's Guice module and the embedded entry point both build it.
 */
public final class ApplicationServices {
    private final RegionService regions;
    private final FleetService fleet;
    private final OrderService orders;
    private final CapexService capex;
    private final EventService events;
    private final AccessService access;
    private final PlanningService planning;
    private final ImportService imports;

    public ApplicationServices(Stores stores, Clock clock, Validator validator) {
        CommandValidator commands = new CommandValidator(validator);
        UseCases useCases = new UseCases(stores, clock, commands);
        this.regions = new RegionService(useCases);
        this.fleet = new FleetService(useCases);
        this.orders = new OrderService(useCases);
        this.capex = new CapexService(useCases);
        this.events = new EventService(useCases);
        this.access = new AccessService(useCases);
        this.planning = new PlanningService(useCases);
        this.imports = new ImportService(useCases, commands, regions, fleet, orders, capex);
    }

    public RegionService regions() {
        return regions;
    }

    public FleetService fleet() {
        return fleet;
    }

    public OrderService orders() {
        return orders;
    }

    public CapexService capex() {
        return capex;
    }

    public EventService events() {
        return events;
    }

    public AccessService access() {
        return access;
    }

    public PlanningService planning() {
        return planning;
    }

    public ImportService imports() {
        return imports;
    }
}
