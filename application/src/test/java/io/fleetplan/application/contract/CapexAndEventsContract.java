package io.fleetplan.application.contract;

import io.fleetplan.application.port.out.EventFilter;
import io.fleetplan.application.port.out.StoredEvent;
import io.fleetplan.domain.capex.CapexCommitment;
import io.fleetplan.domain.capex.SpendCategory;
import io.fleetplan.domain.region.Region;
import io.fleetplan.domain.shared.Actor;
import io.fleetplan.domain.shared.BatchId;
import io.fleetplan.domain.shared.CommitmentId;
import io.fleetplan.domain.shared.ConflictException;
import io.fleetplan.domain.shared.DomainEvent;
import io.fleetplan.domain.shared.EventType;
import io.fleetplan.domain.shared.Money;
import io.fleetplan.domain.shared.Quarter;
import io.fleetplan.domain.shared.RegionId;
import io.fleetplan.domain.shared.RuleViolationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Capex commitments with their children, the event log, and the unit of work's all-or-nothing. */
public abstract class CapexAndEventsContract extends StoreContract {
    private static final CommitmentId ID = CommitmentId.of("capex-2025-2028");
    private static final Instant AT = Instant.parse("2026-04-01T00:00:00Z");
    private static final Actor ACTOR = new Actor("planner-1", "planner");

    @Test
    void roundTripsACommitmentWithTranchesSpendAndAmendments() {
        CapexCommitment c = CapexCommitment.create(ID, "Programme", Money.of("52000000000", "USD"),
                Quarter.parse("2025Q2"), Quarter.parse("2028Q1"));
        run(() -> stores.commitments().add(c));
        CapexCommitment loaded = tx(() -> stores.commitments().lock(ID)).orElseThrow();
        loaded.addTranche(Quarter.parse("2025Q3"), Money.of("5000000000", "USD"), Optional.of(RegionId.of("cn-hangzhou")));
        loaded.addTranche(Quarter.parse("2025Q4"), Money.of("5000000000", "USD"), Optional.empty());
        loaded.recordSpend(Quarter.parse("2025Q3"), Money.of("4200000000.25", "USD"), SpendCategory.SERVERS,
                Optional.of(BatchId.of("b-1")), "GPU servers", AT);
        loaded.recordSpend(Quarter.parse("2025Q4"), Money.of("100", "USD"), SpendCategory.NETWORK, Optional.empty(), "",
                AT);
        loaded.amend(Money.of("70000000000", "USD"), Quarter.parse("2028Q4"), "scale beyond the commitment", AT);
        assertThat(tx(() -> stores.commitments().update(loaded))).isEqualTo(2);
        CapexCommitment again = tx(() -> stores.commitments().find(ID)).orElseThrow();
        assertThat(again.total()).isEqualTo(Money.of("70000000000", "USD"));
        assertThat(again.end()).isEqualTo(Quarter.parse("2028Q4"));
        assertThat(again.tranches()).isEqualTo(loaded.tranches());
        assertThat(again.spends()).isEqualTo(loaded.spends());
        assertThat(again.amendments()).isEqualTo(loaded.amendments());
        assertThat(again.spent()).isEqualTo(Money.of("4200000100.25", "USD"));
        assertThatThrownBy(() -> tx(() -> stores.commitments().update(loaded))).isInstanceOf(ConflictException.class);
        assertThat(tx(() -> stores.commitments().all())).hasSize(1);
    }

    @Test
    void appendsEventsInOrderAndListsThemByFilterAndPage() {
        run(() -> stores.events().append(List.of(
                DomainEvent.of(EventType.ORDER_SUBMITTED, "o-1", "", "gpus", 8),
                DomainEvent.of(EventType.ORDER_QUEUED, "o-1", "needs 8 GPUs; 0 usable", "gpus", 8)), ACTOR, AT));
        run(() -> stores.events().append(List.of(
                DomainEvent.of(EventType.ORDER_ALLOCATED, "o-1", "fits", "pool", "cn-hangzhou/H20", "gpus", 8)),
                Actor.SYSTEM, AT.plusSeconds(60)));
        List<StoredEvent> all = tx(() -> stores.events().list(EventFilter.ALL, 0, 100));
        assertThat(all).extracting(StoredEvent::sequence).containsExactly(1L, 2L, 3L);
        StoredEvent last = all.get(2);
        assertThat(last.actor()).isEqualTo(Actor.SYSTEM);
        assertThat(last.at()).isEqualTo(AT.plusSeconds(60));
        assertThat(last.event().details()).containsEntry("pool", "cn-hangzhou/H20").containsEntry("gpus", "8");
        assertThat(last.event().details().keySet()).containsExactly("pool", "gpus");
        assertThat(all.get(1).event().reason()).isEqualTo("needs 8 GPUs; 0 usable");
        assertThat(tx(() -> stores.events().list(EventFilter.ALL, 1, 1))).extracting(StoredEvent::sequence)
                .containsExactly(2L);
        EventFilter allocated = new EventFilter(Optional.of("o-1"), Optional.of(EventType.ORDER_ALLOCATED),
                Optional.empty(), Optional.empty());
        assertThat(tx(() -> stores.events().list(allocated, 0, 10))).hasSize(1);
        EventFilter window = new EventFilter(Optional.empty(), Optional.empty(), Optional.of(AT),
                Optional.of(AT.plusSeconds(1)));
        assertThat(tx(() -> stores.events().list(window, 0, 10))).hasSize(2);
    }

    @Test
    void aFailedTransactionLeavesNoChangeAndNoEventAndRethrowsUnchanged() {
        RuleViolationException failure = new RuleViolationException("test-failure", "refused on purpose");
        assertThatThrownBy(() -> run(() -> {
            stores.regions().add(Region.register(RegionId.of("cn-hangzhou"), "Hangzhou"));
            stores.events().append(List.of(DomainEvent.of(EventType.REGION_REGISTERED, "cn-hangzhou", "")), ACTOR, AT);
            throw failure;
        })).isSameAs(failure);
        assertThat(tx(() -> stores.regions().all())).isEmpty();
        assertThat(tx(() -> stores.events().list(EventFilter.ALL, 0, 10))).isEmpty();
        run(() -> stores.regions().add(Region.register(RegionId.of("cn-hangzhou"), "Hangzhou")));
        assertThat(tx(() -> stores.regions().all())).hasSize(1);
    }

    @Test
    void aNestedTransactionJoinsTheOneAroundIt() {
        assertThatThrownBy(() -> run(() -> {
            run(() -> stores.regions().add(Region.register(RegionId.of("cn-hangzhou"), "Hangzhou")));
            throw new RuleViolationException("test-failure", "outer fails after inner finished");
        })).isInstanceOf(RuleViolationException.class);
        assertThat(tx(() -> stores.regions().all())).isEmpty();
    }
}
