package io.fleetplan.application.service.capex;

import io.fleetplan.application.port.in.capex.AddTranche;
import io.fleetplan.application.port.in.capex.AmendCommitment;
import io.fleetplan.application.port.in.capex.CapexQueries;
import io.fleetplan.application.port.in.capex.CommitmentStatusView;
import io.fleetplan.application.port.in.capex.CommitmentView;
import io.fleetplan.application.port.in.capex.CreateCommitment;
import io.fleetplan.application.port.in.capex.RecordSpend;
import io.fleetplan.application.port.out.Stores;
import io.fleetplan.application.service.support.UseCases;
import io.fleetplan.domain.capex.CapexCommitment;
import io.fleetplan.domain.capex.CommitmentStatus;
import io.fleetplan.domain.capex.SpendCategory;
import io.fleetplan.domain.shared.Actor;
import io.fleetplan.domain.shared.BatchId;
import io.fleetplan.domain.shared.CommitmentId;
import io.fleetplan.domain.shared.ConflictException;
import io.fleetplan.domain.shared.Money;
import io.fleetplan.domain.shared.NotFoundException;
import io.fleetplan.domain.shared.Quarter;
import io.fleetplan.domain.shared.RegionId;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/** Capex commitments: tranches, spend, amendments and the status figures. */
public final class CapexService implements CreateCommitment, AddTranche, RecordSpend, AmendCommitment, CapexQueries {
    private final UseCases useCases;
    private final Stores stores;

    public CapexService(UseCases useCases) {
        this.useCases = useCases;
        this.stores = useCases.stores();
    }

    @Override
    public CommitmentView create(Actor actor, CreateCommitment.Command command) {
        return useCases.change(actor, command, now -> {
            CapexCommitment c = CapexCommitment.create(CommitmentId.of(command.id()), command.name(),
                    Money.of(command.total(), command.currency()), Quarter.parse(command.start()),
                    Quarter.parse(command.end()));
            stores.commitments().add(c);
            useCases.record(actor, now, c);
            return view(c, 1);
        });
    }

    @Override
    public CommitmentView addTranche(Actor actor, AddTranche.Command command) {
        return onCommitment(actor, command, command.commitmentId(), command.expectedVersion(), (c, now) -> c.addTranche(
                Quarter.parse(command.quarter()), new Money(command.amount(), c.currency()),
                Optional.ofNullable(command.region()).map(RegionId::of)));
    }

    @Override
    public CommitmentView recordSpend(Actor actor, RecordSpend.Command command) {
        return onCommitment(actor, command, command.commitmentId(), command.expectedVersion(), (c, now) -> {
            Optional<BatchId> batch = Optional.ofNullable(command.batch()).map(BatchId::of);
            batch.ifPresent(b -> stores.batches().find(b).orElseThrow(() -> new NotFoundException("batch", b)));
            c.recordSpend(Quarter.parse(command.quarter()), new Money(command.amount(), c.currency()),
                    SpendCategory.valueOf(command.category()), batch, command.note(), now);
        });
    }

    @Override
    public CommitmentView amend(Actor actor, AmendCommitment.Command command) {
        return onCommitment(actor, command, command.commitmentId(), command.expectedVersion(), (c, now) -> c.amend(
                new Money(command.newTotal(), c.currency()),
                command.newEnd() == null ? c.end() : Quarter.parse(command.newEnd()), command.reason(), now));
    }

    private CommitmentView onCommitment(Actor actor, Object command, String id, Long expectedVersion,
                                        BiConsumer<CapexCommitment, Instant> action) {
        return useCases.change(actor, command, now -> {
            CommitmentId commitmentId = CommitmentId.of(id);
            CapexCommitment c = stores.commitments().lock(commitmentId)
                    .orElseThrow(() -> new NotFoundException("commitment", id));
            if (expectedVersion != null && expectedVersion != c.version()) {
                throw ConflictException.staleVersion("commitment", id, expectedVersion, c.version());
            }
            action.accept(c, now);
            long version = stores.commitments().update(c);
            useCases.record(actor, now, c);
            return view(c, version);
        });
    }

    @Override
    public List<CommitmentView> commitments() {
        return useCases.read(null, () -> stores.commitments().all().stream().map(c -> view(c, c.version())).toList());
    }

    @Override
    public CommitmentView commitment(String id) {
        return useCases.read(null, () -> {
            CapexCommitment c = find(id);
            return view(c, c.version());
        });
    }

    @Override
    public CommitmentStatusView status(String id, String asOf) {
        return useCases.read(null, () -> {
            CapexCommitment c = find(id);
            Quarter quarter = asOf == null || asOf.isBlank() ? Quarter.current(useCases.clock()).previous()
                    : Quarter.parse(asOf);
            CommitmentStatus s = c.status(quarter);
            Map<String, Money> byQuarter = new LinkedHashMap<>();
            s.spendByQuarter().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> byQuarter.put(e.getKey().toString(), e.getValue()));
            Map<String, Money> byCategory = new LinkedHashMap<>();
            for (SpendCategory category : SpendCategory.values()) {
                byCategory.put(category.name(), s.spendByCategory().getOrDefault(category, Money.zero(c.currency())));
            }
            Map<String, Money> planned = new LinkedHashMap<>();
            s.plannedByQuarter().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> planned.put(e.getKey().toString(), e.getValue()));
            return new CommitmentStatusView(c.id().value(), s.asOf().toString(), s.total(), s.spent(), s.remaining(),
                    s.percentDeployed(), s.trailingFourQuarters(), s.requiredAnnualRunRate(),
                    s.exhaustion().map(Quarter::toString).orElse(null), s.exhaustedAfterEnd(), s.planned(), byQuarter,
                    byCategory, planned, s.amendments().size());
        });
    }

    private CapexCommitment find(String id) {
        return stores.commitments().find(CommitmentId.of(id)).orElseThrow(() -> new NotFoundException("commitment", id));
    }

    private static CommitmentView view(CapexCommitment c, long version) {
        return new CommitmentView(c.id().value(), c.name(), c.total(), c.start().toString(), c.end().toString(),
                c.spent(), c.remaining(), c.planned(),
                c.tranches().stream().map(t -> new CommitmentView.TrancheView(t.quarter().toString(), t.amount(),
                        t.region().map(RegionId::value).orElse(null))).toList(),
                c.spends().stream().map(s -> new CommitmentView.SpendView(s.number(), s.quarter().toString(),
                        s.amount(), s.category().name(), s.batch().map(BatchId::value).orElse(null), s.note(),
                        s.recordedAt())).toList(),
                c.amendments().stream().map(a -> new CommitmentView.AmendmentView(a.previousTotal(), a.newTotal(),
                        a.previousEnd().toString(), a.newEnd().toString(), a.reason(), a.at())).toList(),
                version);
    }
}
