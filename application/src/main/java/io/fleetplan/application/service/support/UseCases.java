package io.fleetplan.application.service.support;

import io.fleetplan.application.port.out.Stores;
import io.fleetplan.domain.shared.Actor;
import io.fleetplan.domain.shared.AggregateRoot;
import io.fleetplan.domain.shared.DomainEvent;
import io.fleetplan.domain.shared.InvalidValueException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What every use case does around its own work: validate the command first, run the work in one
 * transaction at one instant, and append the events of every aggregate it changed to the log in
 * that same transaction.
 */
public final class UseCases {
    private final Stores stores;
    private final Clock clock;
    private final CommandValidator validator;

    public UseCases(Stores stores, Clock clock, CommandValidator validator) {
        this.stores = Objects.requireNonNull(stores, "stores");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.validator = Objects.requireNonNull(validator, "validator");
    }

    /** Validates, then runs {@code work} in a transaction; {@code work} receives the use case's instant. */
    public <T> T change(Actor actor, Object command, Function<Instant, T> work) {
        if (actor == null) {
            throw new InvalidValueException("actor", "every change needs an actor");
        }
        validator.validate(command);
        return stores.unitOfWork().inTransaction(() -> work.apply(clock.instant()));
    }

    /** Validates, then runs a read in a read-only transaction. */
    public <T> T read(Object query, Supplier<T> work) {
        if (query != null) {
            validator.validate(query);
        }
        return stores.unitOfWork().readOnly(work);
    }

    /** Appends what the aggregates recorded to the event log, as done by {@code actor} at {@code at}. */
    public void record(Actor actor, Instant at, AggregateRoot... changed) {
        List<DomainEvent> events = new ArrayList<>();
        for (AggregateRoot aggregate : changed) {
            events.addAll(aggregate.pullEvents());
        }
        if (!events.isEmpty()) {
            stores.events().append(events, actor, at);
        }
    }

    public Stores stores() {
        return stores;
    }

    public Clock clock() {
        return clock;
    }
}
