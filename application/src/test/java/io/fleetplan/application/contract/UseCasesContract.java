package io.fleetplan.application.contract;

import io.fleetplan.application.port.in.InvalidCommandException;
import io.fleetplan.application.port.in.Page;
import io.fleetplan.application.port.in.capex.AddTranche;
import io.fleetplan.application.port.in.capex.AmendCommitment;
import io.fleetplan.application.port.in.capex.CommitmentStatusView;
import io.fleetplan.application.port.in.capex.CommitmentView;
import io.fleetplan.application.port.in.capex.CreateCommitment;
import io.fleetplan.application.port.in.capex.RecordSpend;
import io.fleetplan.application.port.in.events.EventView;
import io.fleetplan.application.port.in.events.ListEvents;
import io.fleetplan.application.port.in.fleet.AdvancePipeline;
import io.fleetplan.application.port.in.gpu.ListOrdersQuery;
import io.fleetplan.application.port.in.gpu.OrderView;
import io.fleetplan.application.port.in.gpu.PoolView;
import io.fleetplan.application.port.in.gpu.SetReservation;
import io.fleetplan.application.port.in.region.ChangeDataCenter;
import io.fleetplan.application.port.in.region.DataCenterView;
import io.fleetplan.application.port.in.region.RegisterRegion;
import io.fleetplan.domain.shared.ConflictException;
import io.fleetplan.domain.shared.NotFoundException;
import io.fleetplan.domain.shared.RuleViolationException;
import io.fleetplan.application.port.out.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The application service API over a store: validation first, idempotency, versions, errors that change nothing. */
public abstract class UseCasesContract {
    private Fleet fleet;

    protected abstract Stores newStores();

    @BeforeEach
    void buildFleet() {
        fleet = new Fleet(newStores()).standard();
    }

    private long eventCount() {
        return fleet.services().events().events(new ListEvents.Query(null, null, null, null, 1000, null)).items().size();
    }

    @Test
    void anInvalidCommandReportsEveryViolationAndChangesNothing() {
        long before = eventCount();
        assertThatThrownBy(() -> fleet.services().orders().submit(Fleet.OPERATOR,
                new io.fleetplan.application.port.in.gpu.SubmitOrder.Command("Hangzhou", "h20", "ACME", "GOLD", 0, "")))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> assertThat(e.violations())
                        .extracting(InvalidCommandException.Violation::path)
                        .containsExactly("acceleratorType", "gpus", "idempotencyKey", "region", "tenant", "tier"));
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aRepeatedSubmissionWithTheSameKeyReturnsTheFirstOrder() {
        OrderView first = fleet.services().orders().submit(Fleet.OPERATOR, fleet.order("acme", "EXTERNAL_LEASE", 16, "k-1"));
        long before = eventCount();
        OrderView again = fleet.services().orders().submit(Fleet.OPERATOR, fleet.order("acme", "EXTERNAL_LEASE", 16, "k-1"));
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.replayed()).isTrue();
        assertThat(first.replayed()).isFalse();
        assertThat(eventCount()).isEqualTo(before);
        assertThatThrownBy(() -> fleet.services().orders().submit(Fleet.OPERATOR,
                fleet.order("acme", "EXTERNAL_LEASE", 32, "k-1")))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.code()).isEqualTo("idempotency-key-reused"));
        OrderView otherTenant = fleet.services().orders().submit(Fleet.OPERATOR,
                fleet.order("zeta", "EXTERNAL_LEASE", 32, "k-1"));
        assertThat(otherTenant.id()).isNotEqualTo(first.id());
    }

    @Test
    void aWaitingOrderIsAllocatedWhenServersComeIntoService() {
        OrderView order = fleet.services().orders().submit(Fleet.OPERATOR, fleet.order("acme", "MODEL_PLATFORM", 40, null));
        assertThat(order.status()).isEqualTo("PENDING");
        String batch = fleet.installedBatch(10);
        fleet.activate(batch, 5);
        OrderView now = fleet.services().orders().order(order.id());
        assertThat(now.status()).isEqualTo("ALLOCATED");
        assertThat(now.admittedAt()).isNotNull();
        PoolView pool = fleet.services().orders().pool(Fleet.REGION, Fleet.ACCELERATOR);
        assertThat(pool.capacity()).isEqualTo(40);
        assertThat(pool.allocated()).isEqualTo(40);
        Page<EventView> history = fleet.services().events().events(
                new ListEvents.Query(order.id(), null, null, null, 50, null));
        assertThat(history.items()).extracting(EventView::type)
                .containsExactly("ORDER_SUBMITTED", "ORDER_QUEUED", "ORDER_ALLOCATED");
        assertThat(history.items()).allMatch(e -> e.actor().equals("contract-test"));
    }

    @Test
    void installingBeyondPowerIsRefusedAndChangesNothing() {
        fleet.services().regions().change(Fleet.OPERATOR, new ChangeDataCenter.Command(Fleet.DATA_CENTER,
                new BigDecimal("100"), 10, null, "small site"));
        fleet.services().fleet().order(Fleet.OPERATOR, new io.fleetplan.application.port.in.fleet.OrderServerBatch.Command(
                "big", Fleet.SKU, Fleet.DATA_CENTER, 20, "2026Q2"));
        fleet.services().fleet().advance(Fleet.OPERATOR, new AdvancePipeline.Command("big", AdvancePipeline.Step.DELIVER, 20, null));
        fleet.services().fleet().advance(Fleet.OPERATOR, new AdvancePipeline.Command("big", AdvancePipeline.Step.INSTALL, 10, null));
        assertThatThrownBy(() -> fleet.services().fleet().advance(Fleet.OPERATOR,
                new AdvancePipeline.Command("big", AdvancePipeline.Step.INSTALL, 1, null)))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.code()).isEqualTo("power-capacity-exceeded"));
        DataCenterView dc = fleet.services().regions().dataCenter(Fleet.DATA_CENTER);
        assertThat(dc.powerInUseKw()).isEqualByComparingTo("100");
        assertThat(dc.serversByStage()).containsEntry("INSTALLED", 10L).containsEntry("DELIVERED", 10L);
        assertThat(dc.undeployed()).isEqualTo(20);
    }

    @Test
    void anUpdateWithAStaleVersionIsRefused() {
        PoolView pool = fleet.services().orders().pool(Fleet.REGION, Fleet.ACCELERATOR);
        fleet.activate(fleet.installedBatch(10), 10);
        assertThatThrownBy(() -> fleet.services().orders().reserve(Fleet.OPERATOR, new SetReservation.Command(
                Fleet.REGION, Fleet.ACCELERATOR, "INTERNAL_TRAINING", 8, pool.version(), "stale")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("stale-version"));
        PoolView fresh = fleet.services().orders().pool(Fleet.REGION, Fleet.ACCELERATOR);
        PoolView reserved = fleet.services().orders().reserve(Fleet.OPERATOR, new SetReservation.Command(
                Fleet.REGION, Fleet.ACCELERATOR, "INTERNAL_TRAINING", 8, fresh.version(), "hold for training"));
        assertThat(reserved.version()).isEqualTo(fresh.version() + 1);
        assertThat(reserved.reserved()).containsEntry("INTERNAL_TRAINING", 8L);
    }

    @Test
    void capexSpendBeyondTheTotalIsRefusedUntilAmended() {
        fleet.services().capex().create(Fleet.OPERATOR, new CreateCommitment.Command("capex-1", "Programme",
                new BigDecimal("52000000000"), "USD", "2025Q2", "2028Q1"));
        for (String q : new String[] {"2025Q2", "2025Q3", "2025Q4", "2026Q1"}) {
            fleet.services().capex().recordSpend(Fleet.OPERATOR, new RecordSpend.Command("capex-1", q,
                    new BigDecimal("4200000000"), "SERVERS", null, null));
        }
        CommitmentStatusView status = fleet.services().capex().status("capex-1", "2026Q1");
        assertThat(status.percentDeployed()).isEqualByComparingTo("32.3");
        assertThat(status.remaining().amount()).isEqualByComparingTo("35200000000");
        assertThat(status.requiredAnnualRunRate().amount()).isEqualByComparingTo("17600000000");
        assertThat(status.exhaustionQuarter()).isEqualTo("2028Q2");
        assertThatThrownBy(() -> fleet.services().capex().recordSpend(Fleet.OPERATOR, new RecordSpend.Command(
                "capex-1", "2026Q2", new BigDecimal("36000000000"), "SERVERS", null, null)))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.code()).isEqualTo("commitment-exceeded"));
        fleet.services().capex().amend(Fleet.OPERATOR, new AmendCommitment.Command("capex-1",
                new BigDecimal("70000000000"), null, "raise capex to 70 billion", null));
        fleet.services().capex().recordSpend(Fleet.OPERATOR, new RecordSpend.Command("capex-1", "2026Q2",
                new BigDecimal("36000000000"), "SERVERS", null, null));
        assertThat(fleet.services().capex().commitment("capex-1").amendments()).hasSize(1);
    }

    @Test
    void aTrancheOrSpendWithAStaleVersionIsRefusedAndChangesNothing() {
        CommitmentView created = fleet.services().capex().create(Fleet.OPERATOR, new CreateCommitment.Command(
                "capex-1", "Programme", new BigDecimal("52000000000"), "USD", "2025Q2", "2028Q1"));
        CommitmentView planned = fleet.services().capex().addTranche(Fleet.OPERATOR, new AddTranche.Command(
                "capex-1", "2025Q2", new BigDecimal("1000000000"), null, created.version()));
        assertThat(planned.version()).isEqualTo(created.version() + 1);
        long before = eventCount();
        assertThatThrownBy(() -> fleet.services().capex().addTranche(Fleet.OPERATOR, new AddTranche.Command(
                "capex-1", "2025Q3", new BigDecimal("1000000000"), null, created.version())))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("stale-version"));
        assertThatThrownBy(() -> fleet.services().capex().recordSpend(Fleet.OPERATOR, new RecordSpend.Command(
                "capex-1", "2025Q2", new BigDecimal("500000000"), "SERVERS", null, null, created.version())))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("stale-version"));
        CommitmentView now = fleet.services().capex().commitment("capex-1");
        assertThat(now.version()).isEqualTo(planned.version());
        assertThat(now.tranches()).hasSize(1);
        assertThat(now.spends()).isEmpty();
        assertThat(eventCount()).isEqualTo(before);
        CommitmentView spent = fleet.services().capex().recordSpend(Fleet.OPERATOR, new RecordSpend.Command(
                "capex-1", "2025Q2", new BigDecimal("500000000"), "SERVERS", null, null, planned.version()));
        assertThat(spent.spends()).hasSize(1);
    }

    @Test
    void unknownReferencesAreNotFound() {
        assertThatThrownBy(() -> fleet.services().orders().order("o-missing")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fleet.services().orders().submit(Fleet.OPERATOR, new io.fleetplan.application.port.in
                .gpu.SubmitOrder.Command("cn-beijing", "H20", "acme", "EXTERNAL_LEASE", 8, null)))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("pool-not-found"));
        assertThatThrownBy(() -> fleet.services().regions().register(Fleet.OPERATOR,
                new RegisterRegion.Command(Fleet.REGION, "again"))).isInstanceOf(ConflictException.class);
    }

    @Test
    void listsOrdersInPagesWithACursor() {
        for (int i = 0; i < 7; i++) {
            fleet.services().orders().submit(Fleet.OPERATOR, fleet.order("acme", "EXTERNAL_LEASE", 1 + i, null));
        }
        Page<OrderView> first = fleet.services().orders().orders(new ListOrdersQuery(null, null, null, null, "acme",
                null, null, 3, null));
        assertThat(first.items()).hasSize(3);
        assertThat(first.nextCursor()).isPresent();
        Page<OrderView> second = fleet.services().orders().orders(new ListOrdersQuery(null, null, null, null, "acme",
                null, null, 3, first.nextCursor().get()));
        Page<OrderView> third = fleet.services().orders().orders(new ListOrdersQuery(null, null, null, null, "acme",
                null, null, 3, second.nextCursor().get()));
        assertThat(third.items()).hasSize(1);
        assertThat(third.nextCursor()).isEmpty();
        assertThat(first.items().get(0).gpus()).isEqualTo(1);
        assertThat(third.items().get(0).gpus()).isEqualTo(7);
        Page<OrderView> backlog = fleet.services().orders().backlog(Fleet.REGION, Fleet.ACCELERATOR, 5, null);
        assertThat(backlog.items()).hasSize(5);
        assertThat(fleet.services().orders().backlog(Fleet.REGION, Fleet.ACCELERATOR, 5, backlog.nextCursor().get())
                .items()).hasSize(2);
    }
}
