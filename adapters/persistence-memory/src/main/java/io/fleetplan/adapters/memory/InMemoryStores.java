package io.fleetplan.adapters.memory;

import io.fleetplan.application.port.out.AcceleratorTypes;
import io.fleetplan.application.port.out.ApiTokens;
import io.fleetplan.application.port.out.CapexCommitments;
import io.fleetplan.application.port.out.DataCenters;
import io.fleetplan.application.port.out.GpuPools;
import io.fleetplan.application.port.out.Regions;
import io.fleetplan.application.port.out.ServerBatches;
import io.fleetplan.application.port.out.ServerSkus;
import io.fleetplan.application.port.out.Stores;
import io.fleetplan.domain.access.ApiToken;
import io.fleetplan.domain.capex.CapexCommitment;
import io.fleetplan.domain.fleet.AcceleratorType;
import io.fleetplan.domain.fleet.ServerBatch;
import io.fleetplan.domain.fleet.ServerSku;
import io.fleetplan.domain.gpu.GpuPool;
import io.fleetplan.domain.region.DataCenter;
import io.fleetplan.domain.region.Region;
import io.fleetplan.domain.shared.AcceleratorTypeId;
import io.fleetplan.domain.shared.BatchId;
import io.fleetplan.domain.shared.CommitmentId;
import io.fleetplan.domain.shared.DataCenterId;
import io.fleetplan.domain.shared.PoolId;
import io.fleetplan.domain.shared.RegionId;
import io.fleetplan.domain.shared.SkuId;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The in-memory store: every out-port, thread-safe and transactional within one JVM. It is the
 * reference implementation the other stores are held to (they run the same contract suites), the
 * store of fast tests, and {@code --store memory}. Nothing survives the process.
 */
public final class InMemoryStores {
    private InMemoryStores() {
    }

    /** A new, empty store. */
    public static Stores create() {
        MemoryUnitOfWork uow = new MemoryUnitOfWork();

        Aggregates<RegionId, Region> regions = new Aggregates<>("region", Region::id, Copies::region,
                Comparator.comparing(Region::id), uow, (a, b) -> { });
        Aggregates<DataCenterId, DataCenter> dataCenters = new Aggregates<>("data-center", DataCenter::id,
                Copies::dataCenter, Comparator.comparing(DataCenter::id), uow, (a, b) -> { });
        Aggregates<AcceleratorTypeId, AcceleratorType> types = new Aggregates<>("accelerator-type",
                AcceleratorType::id, Copies::acceleratorType, Comparator.comparing(AcceleratorType::id), uow,
                (a, b) -> { });
        Aggregates<SkuId, ServerSku> skus = new Aggregates<>("sku", ServerSku::id, Copies::sku,
                Comparator.comparing(ServerSku::id), uow, (a, b) -> { });
        Aggregates<BatchId, ServerBatch> batches = new Aggregates<>("batch", ServerBatch::id, Copies::batch,
                Comparator.comparing(ServerBatch::id), uow, (a, b) -> { });
        Aggregates<PoolId, GpuPool> pools = new Aggregates<>("pool", GpuPool::id, Copies::pool,
                Comparator.comparing(GpuPool::id), uow, (a, b) -> { });
        Aggregates<CommitmentId, CapexCommitment> commitments = new Aggregates<>("commitment", CapexCommitment::id,
                Copies::commitment, Comparator.comparing(CapexCommitment::id), uow, (a, b) -> { });
        Aggregates<String, ApiToken> tokens = new Aggregates<>("token", ApiToken::name, Copies::token,
                Comparator.comparing(ApiToken::name), uow, (a, b) -> { });
        MemoryOrders orders = new MemoryOrders(uow);
        MemoryEventLog events = new MemoryEventLog(uow);
        MemoryScenarios scenarios = new MemoryScenarios(uow);
        List.of(regions.table(), dataCenters.table(), types.table(), skus.table(), batches.table(), pools.table(),
                commitments.table(), tokens.table(), orders.table(), scenarios.table(), events).forEach(uow::register);

        return new Stores(
                new Regions() {
                    public void add(Region region) { regions.add(region); }
                    public Optional<Region> find(RegionId id) { return regions.find(id); }
                    public List<Region> all() { return regions.list(r -> true); }
                },
                new DataCenters() {
                    public void add(DataCenter dc) { dataCenters.add(dc); }
                    public Optional<DataCenter> find(DataCenterId id) { return dataCenters.find(id); }
                    public Optional<DataCenter> lock(DataCenterId id) { return dataCenters.find(id); }
                    public long update(DataCenter dc) { return dataCenters.update(dc); }
                    public List<DataCenter> list(Optional<RegionId> region) {
                        return dataCenters.list(dc -> region.map(r -> r.equals(dc.region())).orElse(true));
                    }
                },
                new AcceleratorTypes() {
                    public void add(AcceleratorType type) { types.add(type); }
                    public Optional<AcceleratorType> find(AcceleratorTypeId id) { return types.find(id); }
                    public List<AcceleratorType> all() { return types.list(t -> true); }
                },
                new ServerSkus() {
                    public void add(ServerSku sku) { skus.add(sku); }
                    public Optional<ServerSku> find(SkuId id) { return skus.find(id); }
                    public List<ServerSku> all() { return skus.list(s -> true); }
                },
                new ServerBatches() {
                    public void add(ServerBatch batch) { batches.add(batch); }
                    public Optional<ServerBatch> find(BatchId id) { return batches.find(id); }
                    public Optional<ServerBatch> lock(BatchId id) { return batches.find(id); }
                    public long update(ServerBatch batch) { return batches.update(batch); }
                    public List<ServerBatch> list(Optional<DataCenterId> dc) {
                        return batches.list(b -> dc.map(d -> d.equals(b.dataCenter())).orElse(true));
                    }
                },
                new GpuPools() {
                    public void add(GpuPool pool) { pools.add(pool); }
                    public Optional<GpuPool> find(PoolId id) { return pools.find(id); }
                    public Optional<GpuPool> lock(PoolId id) { return pools.find(id); }
                    public long update(GpuPool pool) { return pools.update(pool); }
                    public List<GpuPool> all() { return pools.list(p -> true); }
                },
                orders,
                new CapexCommitments() {
                    public void add(CapexCommitment c) { commitments.add(c); }
                    public Optional<CapexCommitment> find(CommitmentId id) { return commitments.find(id); }
                    public Optional<CapexCommitment> lock(CommitmentId id) { return commitments.find(id); }
                    public long update(CapexCommitment c) { return commitments.update(c); }
                    public List<CapexCommitment> all() { return commitments.list(c -> true); }
                },
                events,
                new ApiTokens() {
                    public void add(ApiToken token) { tokens.add(token); }
                    public Optional<ApiToken> find(String name) { return tokens.find(name); }
                    public Optional<ApiToken> findBySecretHash(String hash) {
                        return tokens.list(t -> t.secretHash().equals(hash)).stream().findFirst();
                    }
                    public long update(ApiToken token) { return tokens.update(token); }
                    public List<ApiToken> all() { return tokens.list(t -> true); }
                },
                scenarios,
                uow);
    }
}
