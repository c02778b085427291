package io.fleetplan.application.service.fleet;

import io.fleetplan.application.port.in.fleet.AcceleratorTypeView;
import io.fleetplan.application.port.in.fleet.AdvancePipeline;
import io.fleetplan.application.port.in.fleet.BatchView;
import io.fleetplan.application.port.in.fleet.FleetQueries;
import io.fleetplan.application.port.in.fleet.OrderServerBatch;
import io.fleetplan.application.port.in.fleet.RegisterAcceleratorType;
import io.fleetplan.application.port.in.fleet.RegisterServerSku;
import io.fleetplan.application.port.in.fleet.ServerSkuView;
import io.fleetplan.application.port.out.Stores;
import io.fleetplan.application.service.support.UseCases;
import io.fleetplan.application.service.support.TimeOrderedIds;
import io.fleetplan.domain.fleet.AcceleratorType;
import io.fleetplan.domain.fleet.ServerBatch;
import io.fleetplan.domain.fleet.ServerSku;
import io.fleetplan.domain.gpu.GpuPool;
import io.fleetplan.domain.region.DataCenter;
import io.fleetplan.domain.region.Region;
import io.fleetplan.domain.shared.AcceleratorTypeId;
import io.fleetplan.domain.shared.Actor;
import io.fleetplan.domain.shared.BatchId;
import io.fleetplan.domain.shared.DataCenterId;
import io.fleetplan.domain.shared.Money;
import io.fleetplan.domain.shared.NotFoundException;
import io.fleetplan.domain.shared.PoolId;
import io.fleetplan.domain.shared.Power;
import io.fleetplan.domain.shared.Quarter;
import io.fleetplan.domain.shared.SkuId;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Accelerator types, SKUs and server batches in the deployment pipeline. Installing takes power at
 * the data centre; activating and retiring change the GPU pool's capacity, which admits from or
 * preempts into its backlog. Locks are taken in one order, data centre, then batch, then pool,
 * so that concurrent steps never deadlock.
 */
public final class FleetService implements RegisterAcceleratorType, RegisterServerSku, OrderServerBatch,
        AdvancePipeline, FleetQueries {
    private final UseCases useCases;
    private final Stores stores;

    public FleetService(UseCases useCases) {
        this.useCases = useCases;
        this.stores = useCases.stores();
    }

    @Override
    public AcceleratorTypeView register(Actor actor, RegisterAcceleratorType.Command command) {
        return useCases.change(actor, command, now -> {
            AcceleratorType type = AcceleratorType.register(AcceleratorTypeId.of(command.id()), command.vendor(),
                    command.memoryGib());
            stores.acceleratorTypes().add(type);
            useCases.record(actor, now, type);
            for (Region region : stores.regions().all()) {
                GpuPool pool = GpuPool.create(new PoolId(region.id(), type.id()));
                stores.pools().add(pool);
                useCases.record(actor, now, pool);
            }
            return view(type);
        });
    }

    @Override
    public ServerSkuView register(Actor actor, RegisterServerSku.Command command) {
        return useCases.change(actor, command, now -> {
            AcceleratorTypeId accelerator = AcceleratorTypeId.of(command.acceleratorType());
            stores.acceleratorTypes().find(accelerator)
                    .orElseThrow(() -> new NotFoundException("accelerator-type", accelerator));
            ServerSku sku = ServerSku.register(SkuId.of(command.id()), command.name(), accelerator,
                    command.acceleratorsPerServer(), Power.ofKilowatts(command.powerPerServerKw()),
                    Money.of(command.unitCost(), command.currency()));
            stores.skus().add(sku);
            useCases.record(actor, now, sku);
            return view(sku);
        });
    }

    @Override
    public BatchView order(Actor actor, OrderServerBatch.Command command) {
        return useCases.change(actor, command, now -> {
            SkuId skuId = SkuId.of(command.sku());
            ServerSku sku = stores.skus().find(skuId).orElseThrow(() -> new NotFoundException("sku", skuId));
            DataCenterId dcId = DataCenterId.of(command.dataCenter());
            DataCenter dc = stores.dataCenters().find(dcId).orElseThrow(() -> new NotFoundException("data-center", dcId));
            BatchId id = command.id() == null ? BatchId.of(TimeOrderedIds.next("b-", now)) : BatchId.of(command.id());
            ServerBatch batch = ServerBatch.order(id, skuId, dcId, command.quantity(),
                    Quarter.parse(command.expectedDelivery()));
            stores.batches().add(batch);
            useCases.record(actor, now, batch);
            return view(batch, dc, sku, 1);
        });
    }

    @Override
    public BatchView advance(Actor actor, AdvancePipeline.Command command) {
        return useCases.change(actor, command, now -> {
            BatchId id = BatchId.of(command.batch());
            ServerBatch unlocked = stores.batches().find(id).orElseThrow(() -> new NotFoundException("batch", id));
            boolean touchesPower = command.step() == Step.INSTALL || command.step() == Step.RETIRE;
            DataCenter dc = touchesPower
                    ? stores.dataCenters().lock(unlocked.dataCenter()).orElseThrow()
                    : stores.dataCenters().find(unlocked.dataCenter()).orElseThrow();
            ServerBatch batch = stores.batches().lock(id).orElseThrow();
            ServerSku sku = stores.skus().find(batch.sku()).orElseThrow();
            long servers = command.servers();
            String why = command.reason() == null || command.reason().isBlank()
                    ? "batch " + id + ": " + command.step().name().toLowerCase() + " " + servers + " servers"
                    : command.reason();
            switch (command.step()) {
                case DELIVER -> batch.deliver(servers);
                case INSTALL -> {
                    dc.installLoad(sku.powerOf(servers), id.value(), servers);
                    batch.install(servers);
                }
                case ACTIVATE -> {
                    batch.activate(servers);
                    useCases.record(actor, now, batch);
                    changePool(actor, now, dc, sku, sku.acceleratorsIn(servers), why);
                }
                case RETIRE -> {
                    batch.retire(servers);
                    dc.removeLoad(sku.powerOf(servers));
                    useCases.record(actor, now, batch);
                    changePool(actor, now, dc, sku, -sku.acceleratorsIn(servers), why);
                }
            }
            if (touchesPower) {
                stores.dataCenters().update(dc);
            }
            long version = stores.batches().update(batch);
            useCases.record(actor, now, batch, dc);
            return view(batch, dc, sku, version);
        });
    }

    private void changePool(Actor actor, Instant now, DataCenter dc, ServerSku sku, long delta, String why) {
        PoolId poolId = new PoolId(dc.region(), sku.accelerator());
        GpuPool pool = stores.pools().lock(poolId).orElseThrow(() -> new NotFoundException("pool", poolId));
        pool.changeCapacity(delta, now, why, stores.orders());
        stores.pools().update(pool);
        useCases.record(actor, now, pool);
    }

    @Override
    public List<AcceleratorTypeView> acceleratorTypes() {
        return useCases.read(null, () -> stores.acceleratorTypes().all().stream().map(FleetService::view).toList());
    }

    @Override
    public List<ServerSkuView> skus() {
        return useCases.read(null, () -> stores.skus().all().stream().map(FleetService::view).toList());
    }

    @Override
    public List<BatchView> batches(String dataCenter) {
        return useCases.read(null, () -> {
            Map<DataCenterId, DataCenter> dcs = stores.dataCenters().list(Optional.empty()).stream()
                    .collect(Collectors.toMap(DataCenter::id, Function.identity()));
            Map<SkuId, ServerSku> skus = stores.skus().all().stream()
                    .collect(Collectors.toMap(ServerSku::id, Function.identity()));
            return stores.batches().list(Optional.ofNullable(dataCenter).map(DataCenterId::of)).stream()
                    .map(b -> view(b, dcs.get(b.dataCenter()), skus.get(b.sku()), b.version())).toList();
        });
    }

    @Override
    public BatchView batch(String id) {
        return useCases.read(null, () -> {
            BatchId batchId = BatchId.of(id);
            ServerBatch batch = stores.batches().find(batchId).orElseThrow(() -> new NotFoundException("batch", id));
            return view(batch, stores.dataCenters().find(batch.dataCenter()).orElseThrow(),
                    stores.skus().find(batch.sku()).orElseThrow(), batch.version());
        });
    }

    private static AcceleratorTypeView view(AcceleratorType type) {
        return new AcceleratorTypeView(type.id().value(), type.vendor(), type.memoryGib());
    }

    private static ServerSkuView view(ServerSku sku) {
        return new ServerSkuView(sku.id().value(), sku.name(), sku.accelerator().value(), sku.acceleratorsPerServer(),
                sku.powerPerServer().kilowatts(), sku.unitCost());
    }

    private static BatchView view(ServerBatch b, DataCenter dc, ServerSku sku, long version) {
        Map<String, Long> byStage = new LinkedHashMap<>();
        b.byStage().forEach((stage, n) -> byStage.put(stage.name(), n));
        return new BatchView(b.id().value(), b.sku().value(), b.dataCenter().value(), dc.region().value(),
                sku.accelerator().value(), b.quantity(), b.expectedDelivery().toString(), b.delivered(),
                b.installed(), b.activated(), b.retired(), byStage, version);
    }
}
