package io.fleetplan.domain.fleet;

import io.fleetplan.domain.shared.BatchId;
import io.fleetplan.domain.shared.DataCenterId;
import io.fleetplan.domain.shared.DomainEvent;
import io.fleetplan.domain.shared.EventType;
import io.fleetplan.domain.shared.Quarter;
import io.fleetplan.domain.shared.SkuId;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.fleetplan.domain.fleet.PipelineStage.DELIVERED;
import static io.fleetplan.domain.fleet.PipelineStage.INSTALLED;
import static io.fleetplan.domain.fleet.PipelineStage.IN_SERVICE;
import static io.fleetplan.domain.fleet.PipelineStage.ORDERED;
import static io.fleetplan.domain.fleet.PipelineStage.RETIRED;
import static io.fleetplan.domain.shared.Refusals.assertInvalidValue;
import static io.fleetplan.domain.shared.Refusals.assertRuleViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class ServerBatchTest {

    private static ServerBatch batchOf(long quantity) {
        ServerBatch batch = ServerBatch.order(BatchId.of("b-1"), SkuId.of("hgx-h20-8"), DataCenterId.of("hz-a"),
                quantity, Quarter.parse("2025Q4"));
        batch.pullEvents();
        return batch;
    }

    private static void assertCounts(ServerBatch batch, long delivered, long installed, long activated, long retired) {
        assertThat(new long[]{batch.delivered(), batch.installed(), batch.activated(), batch.retired()})
                .containsExactly(delivered, installed, activated, retired);
    }

    @Test
    void anOrderedBatchIsAllOnOrderAndRecordsIt() {
        ServerBatch batch = ServerBatch.order(BatchId.of("b-1"), SkuId.of("hgx-h20-8"), DataCenterId.of("hz-a"),
                100, Quarter.parse("2025Q4"));

        assertCounts(batch, 0, 0, 0, 0);
        assertThat(batch.byStage()).containsExactly(entry(ORDERED, 100L), entry(DELIVERED, 0L), entry(INSTALLED, 0L),
                entry(IN_SERVICE, 0L), entry(RETIRED, 0L));
        assertThat(batch.pullEvents()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.BATCH_ORDERED);
            assertThat(e.subject()).isEqualTo("b-1");
            assertThat(e.details()).containsExactly(entry("sku", "hgx-h20-8"), entry("dataCenter", "hz-a"),
                    entry("quantity", "100"), entry("expectedDelivery", "2025Q4"));
        });
    }

    @Test
    void refusesABatchOfNoServers() {
        assertInvalidValue(() -> batchOf(0), "quantity");
        assertInvalidValue(() -> batchOf(-5), "quantity");
    }

    @Test
    void movesServersThroughThePipelineInPartialSteps() {
        ServerBatch batch = batchOf(100);

        batch.deliver(60);
        batch.deliver(40);
        batch.install(70);
        batch.activate(50);
        batch.activate(15);
        batch.retire(10);

        assertCounts(batch, 100, 70, 65, 10);
        assertThat(batch.byStage()).containsExactly(entry(ORDERED, 0L), entry(DELIVERED, 30L), entry(INSTALLED, 5L),
                entry(IN_SERVICE, 55L), entry(RETIRED, 10L));
        assertThat(batch.byStage().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(batch.quantity());
        assertThat(batch.inService()).isEqualTo(55);
        assertThat(batch.undeployed()).isEqualTo(35);
        assertThat(batch.powered()).isEqualTo(60);
    }

    @Test
    void undeployedInventoryIsDeliveredButNotYetInService() {
        ServerBatch batch = batchOf(100);
        batch.deliver(80);
        assertThat(batch.undeployed()).isEqualTo(80);

        batch.install(50);
        assertThat(batch.undeployed()).as("racked but not serving is still undeployed").isEqualTo(80);

        batch.activate(50);
        assertThat(batch.undeployed()).isEqualTo(30);
        assertThat(batch.inService()).isEqualTo(50);

        batch.retire(20);
        assertThat(batch.undeployed()).as("retiring does not make servers undeployed").isEqualTo(30);
        assertThat(batch.inService()).isEqualTo(30);
    }

    @Test
    void refusesToDeliverMoreThanIsStillOnOrderAndChangesNothing() {
        ServerBatch batch = batchOf(100);
        batch.deliver(90);

        assertRuleViolation(() -> batch.deliver(11), "pipeline-step-exceeds-batch");

        assertCounts(batch, 90, 0, 0, 0);
        assertThat(batch.pullEvents()).extracting(DomainEvent::type).containsExactly(EventType.BATCH_DELIVERED);
    }

    @Test
    void refusesToInstallMoreThanIsDeliveredAndNotInstalledAndChangesNothing() {
        ServerBatch batch = batchOf(100);
        batch.deliver(50);
        batch.install(30);
        batch.pullEvents();

        assertRuleViolation(() -> batch.install(21), "pipeline-step-exceeds-batch");

        assertCounts(batch, 50, 30, 0, 0);
        assertThat(batch.pullEvents()).isEmpty();
    }

    @Test
    void refusesToInstallAnythingBeforeDelivery() {
        ServerBatch batch = batchOf(100);

        assertRuleViolation(() -> batch.install(1), "pipeline-step-exceeds-batch");

        assertCounts(batch, 0, 0, 0, 0);
    }

    @Test
    void refusesToActivateMoreThanIsInstalledAndNotInServiceAndChangesNothing() {
        ServerBatch batch = batchOf(100);
        batch.deliver(100);
        batch.install(40);
        batch.activate(25);
        batch.pullEvents();

        assertRuleViolation(() -> batch.activate(16), "pipeline-step-exceeds-batch");

        assertCounts(batch, 100, 40, 25, 0);
        assertThat(batch.pullEvents()).isEmpty();
    }

    @Test
    void refusesToRetireMoreThanIsInServiceAndChangesNothing() {
        ServerBatch batch = batchOf(100);
        batch.deliver(100);
        batch.install(100);
        batch.activate(60);
        batch.retire(50);
        batch.pullEvents();

        assertRuleViolation(() -> batch.retire(11), "pipeline-step-exceeds-batch");

        assertCounts(batch, 100, 100, 60, 50);
        assertThat(batch.pullEvents()).isEmpty();
    }

    @Test
    void refusesToRetireServersThatAreRackedButNotYetServing() {
        ServerBatch batch = batchOf(10);
        batch.deliver(10);
        batch.install(10);

        assertRuleViolation(() -> batch.retire(1), "pipeline-step-exceeds-batch");
    }

    @Test
    void refusesStepsOfNoOrNegativeServers() {
        ServerBatch batch = batchOf(10);
        batch.deliver(5);

        assertInvalidValue(() -> batch.deliver(0), "servers");
        assertInvalidValue(() -> batch.install(-1), "servers");

        assertCounts(batch, 5, 0, 0, 0);
    }

    @Test
    void recordsAnEventForEveryStep() {
        ServerBatch batch = batchOf(10);

        batch.deliver(10);
        batch.install(8);
        batch.activate(6);
        batch.retire(2);

        assertThat(batch.pullEvents()).satisfiesExactly(
                e -> assertStep(e, EventType.BATCH_DELIVERED, "10"),
                e -> assertStep(e, EventType.BATCH_INSTALLED, "8"),
                e -> assertStep(e, EventType.BATCH_ACTIVATED, "6"),
                e -> assertStep(e, EventType.BATCH_RETIRED, "2"));
        assertThat(batch.pullEvents()).as("events are handed over once").isEmpty();
    }

    private static void assertStep(DomainEvent event, EventType type, String servers) {
        assertThat(event.type()).isEqualTo(type);
        assertThat(event.subject()).isEqualTo("b-1");
        assertThat(event.details()).isEqualTo(Map.of("servers", servers, "dataCenter", "hz-a", "sku", "hgx-h20-8"));
    }

    @Test
    void runsTheWholeBatchToRetirement() {
        ServerBatch batch = batchOf(8);

        batch.deliver(8);
        batch.install(8);
        batch.activate(8);
        batch.retire(8);

        assertThat(batch.byStage()).containsEntry(RETIRED, 8L).containsEntry(IN_SERVICE, 0L);
        assertThat(batch.powered()).isZero();
        assertRuleViolation(() -> batch.deliver(1), "pipeline-step-exceeds-batch");
    }

    @Test
    void reconstitutesOnlyCountsThatRespectThePipelineOrder() {
        ServerBatch stored = ServerBatch.reconstitute(BatchId.of("b-1"), SkuId.of("s"), DataCenterId.of("hz-a"), 10,
                Quarter.parse("2025Q4"), 10, 8, 6, 2, 3);
        assertCounts(stored, 10, 8, 6, 2);
        assertThat(stored.version()).isEqualTo(3);
        assertThat(stored.pullEvents()).isEmpty();

        assertInvalidValue(() -> reconstitute(10, 11, 0, 0, 0), "counts");
        assertInvalidValue(() -> reconstitute(10, 5, 6, 0, 0), "counts");
        assertInvalidValue(() -> reconstitute(10, 5, 5, 6, 0), "counts");
        assertInvalidValue(() -> reconstitute(10, 5, 5, 5, 6), "counts");
        assertInvalidValue(() -> reconstitute(10, 5, 5, 5, -1), "counts");
    }

    private static ServerBatch reconstitute(long quantity, long delivered, long installed, long activated,
                                            long retired) {
        return ServerBatch.reconstitute(BatchId.of("b-1"), SkuId.of("s"), DataCenterId.of("hz-a"), quantity,
                Quarter.parse("2025Q4"), delivered, installed, activated, retired, 1);
    }
}
