package io.fleetplan.domain.fleet;

import io.fleetplan.domain.shared.AggregateRoot;
import io.fleetplan.domain.shared.BatchId;
import io.fleetplan.domain.shared.DataCenterId;
import io.fleetplan.domain.shared.DomainEvent;
import io.fleetplan.domain.shared.EventType;
import io.fleetplan.domain.shared.InvalidValueException;
import io.fleetplan.domain.shared.Quarter;
import io.fleetplan.domain.shared.Require;
import io.fleetplan.domain.shared.RuleViolationException;
import io.fleetplan.domain.shared.SkuId;

import java.util.EnumMap;
import java.util.Map;

/**
 * N servers of one SKU bought for one data centre, moving through the deployment pipeline.
 * The counts are cumulative, so {@code quantity >= delivered >= installed >= activated >= retired >= 0}
 * always holds; each step moves part or all of what the previous step holds.
 */
public final class ServerBatch extends AggregateRoot {
    private final BatchId id;
    private final SkuId sku;
    private final DataCenterId dataCenter;
    private final long quantity;
    private final Quarter expectedDelivery;
    private long delivered;
    private long installed;
    private long activated;
    private long retired;

    private ServerBatch(BatchId id, SkuId sku, DataCenterId dataCenter, long quantity, Quarter expectedDelivery,
                        long delivered, long installed, long activated, long retired, long version) {
        super(version);
        this.id = Require.present(id, "batchId");
        this.sku = Require.present(sku, "skuId");
        this.dataCenter = Require.present(dataCenter, "dataCenterId");
        this.quantity = Require.positive(quantity, "quantity");
        this.expectedDelivery = Require.present(expectedDelivery, "expectedDelivery");
        if (!(quantity >= delivered && delivered >= installed && installed >= activated && activated >= retired
                && retired >= 0)) {
            throw new InvalidValueException("counts", "batch " + id + " counts must satisfy quantity >= delivered >= "
                    + "installed >= activated >= retired >= 0");
        }
        this.delivered = delivered;
        this.installed = installed;
        this.activated = activated;
        this.retired = retired;
    }

    public static ServerBatch order(BatchId id, SkuId sku, DataCenterId dataCenter, long quantity,
                                    Quarter expectedDelivery) {
        ServerBatch batch = new ServerBatch(id, sku, dataCenter, quantity, expectedDelivery, 0, 0, 0, 0, 0);
        batch.record(DomainEvent.of(EventType.BATCH_ORDERED, id, "", "sku", sku, "dataCenter", dataCenter,
                "quantity", quantity, "expectedDelivery", expectedDelivery));
        return batch;
    }

    public static ServerBatch reconstitute(BatchId id, SkuId sku, DataCenterId dataCenter, long quantity,
                                           Quarter expectedDelivery, long delivered, long installed, long activated,
                                           long retired, long version) {
        return new ServerBatch(id, sku, dataCenter, quantity, expectedDelivery, delivered, installed, activated,
                retired, version);
    }

    /** Servers arrive on site. */
    public void deliver(long servers) {
        check(servers, quantity - delivered, "delivered", "still on order");
        delivered += servers;
        record(step(EventType.BATCH_DELIVERED, servers));
    }

    /**
     * Servers are racked and powered. The data centre's power check happens first, in
     * {@link io.fleetplan.domain.region.DataCenter#installLoad}; this checks the pipeline.
     */
    public void install(long servers) {
        check(servers, delivered - installed, "installed", "delivered and not yet installed");
        installed += servers;
        record(step(EventType.BATCH_INSTALLED, servers));
    }

    /** Servers go into service: their accelerators join the pool's capacity. */
    public void activate(long servers) {
        check(servers, installed - activated, "activated", "installed and not yet in service");
        activated += servers;
        record(step(EventType.BATCH_ACTIVATED, servers));
    }

    /** Servers leave service for good: capacity and power go with them. */
    public void retire(long servers) {
        check(servers, activated - retired, "retired", "in service");
        retired += servers;
        record(step(EventType.BATCH_RETIRED, servers));
    }

    private void check(long servers, long available, String verb, String what) {
        Require.positive(servers, "servers");
        if (servers > available) {
            throw new RuleViolationException("pipeline-step-exceeds-batch", servers + " servers cannot be " + verb
                    + ": batch " + id + " has " + available + " " + what);
        }
    }

    private DomainEvent step(EventType type, long servers) {
        return DomainEvent.of(type, id, "", "servers", servers, "dataCenter", dataCenter, "sku", sku);
    }

    /** How many servers of the batch sit at each stage now. */
    public Map<PipelineStage, Long> byStage() {
        Map<PipelineStage, Long> out = new EnumMap<>(PipelineStage.class);
        out.put(PipelineStage.ORDERED, quantity - delivered);
        out.put(PipelineStage.DELIVERED, delivered - installed);
        out.put(PipelineStage.INSTALLED, installed - activated);
        out.put(PipelineStage.IN_SERVICE, activated - retired);
        out.put(PipelineStage.RETIRED, retired);
        return out;
    }

    /** On site but not serving: delivered and waiting to be racked, or racked and waiting to serve. */
    public long undeployed() {
        return delivered - activated;
    }

    public long inService() {
        return activated - retired;
    }

    /** Racked servers drawing power: installed and not yet retired. */
    public long powered() {
        return installed - retired;
    }

    public BatchId id() {
        return id;
    }

    public SkuId sku() {
        return sku;
    }

    public DataCenterId dataCenter() {
        return dataCenter;
    }

    public long quantity() {
        return quantity;
    }

    public Quarter expectedDelivery() {
        return expectedDelivery;
    }

    public long delivered() {
        return delivered;
    }

    public long installed() {
        return installed;
    }

    public long activated() {
        return activated;
    }

    public long retired() {
        return retired;
    }
}
