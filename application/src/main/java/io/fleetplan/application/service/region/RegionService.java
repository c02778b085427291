package io.fleetplan.application.service.region;

import io.fleetplan.application.port.in.region.ChangeDataCenter;
import io.fleetplan.application.port.in.region.DataCenterView;
import io.fleetplan.application.port.in.region.RegionQueries;
import io.fleetplan.application.port.in.region.RegionView;
import io.fleetplan.application.port.in.region.RegisterDataCenter;
import io.fleetplan.application.port.in.region.RegisterRegion;
import io.fleetplan.application.port.out.Stores;
import io.fleetplan.application.service.support.UseCases;
import io.fleetplan.domain.fleet.AcceleratorType;
import io.fleetplan.domain.fleet.PipelineStage;
import io.fleetplan.domain.fleet.ServerBatch;
import io.fleetplan.domain.gpu.GpuPool;
import io.fleetplan.domain.region.DataCenter;
import io.fleetplan.domain.region.Region;
import io.fleetplan.domain.shared.Actor;
import io.fleetplan.domain.shared.ConflictException;
import io.fleetplan.domain.shared.DataCenterId;
import io.fleetplan.domain.shared.NotFoundException;
import io.fleetplan.domain.shared.PoolId;
import io.fleetplan.domain.shared.Power;
import io.fleetplan.domain.shared.RegionId;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Regions and data centres. Registering a region opens its GPU pools, one per known accelerator type. */
public final class RegionService implements RegisterRegion, RegisterDataCenter, ChangeDataCenter, RegionQueries {
    private final UseCases useCases;
    private final Stores stores;

    public RegionService(UseCases useCases) {
        this.useCases = useCases;
        this.stores = useCases.stores();
    }

    @Override
    public RegionView register(Actor actor, RegisterRegion.Command command) {
        return useCases.change(actor, command, now -> {
            Region region = Region.register(RegionId.of(command.id()), command.name());
            stores.regions().add(region);
            useCases.record(actor, now, region);
            for (AcceleratorType type : stores.acceleratorTypes().all()) {
                GpuPool pool = GpuPool.create(new PoolId(region.id(), type.id()));
                stores.pools().add(pool);
                useCases.record(actor, now, pool);
            }
            return view(region, 1);
        });
    }

    @Override
    public DataCenterView register(Actor actor, RegisterDataCenter.Command command) {
        return useCases.change(actor, command, now -> {
            RegionId region = RegionId.of(command.region());
            stores.regions().find(region).orElseThrow(() -> new NotFoundException("region", region));
            DataCenter dc = DataCenter.register(DataCenterId.of(command.id()), region, command.name(),
                    Power.ofKilowatts(command.powerCapacityKw()), command.throughputPerWeek());
            stores.dataCenters().add(dc);
            useCases.record(actor, now, dc);
            return view(dc, 1);
        });
    }

    @Override
    public DataCenterView change(Actor actor, ChangeDataCenter.Command command) {
        return useCases.change(actor, command, now -> {
            DataCenterId id = DataCenterId.of(command.id());
            DataCenter dc = stores.dataCenters().lock(id).orElseThrow(() -> new NotFoundException("data-center", id));
            if (command.expectedVersion() != null && command.expectedVersion() != dc.version()) {
                throw ConflictException.staleVersion("data-center", id, command.expectedVersion(), dc.version());
            }
            dc.change(Power.ofKilowatts(command.powerCapacityKw()), command.throughputPerWeek(), command.reason());
            long version = stores.dataCenters().update(dc);
            useCases.record(actor, now, dc);
            return view(dc, version);
        });
    }

    @Override
    public List<RegionView> regions() {
        return useCases.read(null, () -> stores.regions().all().stream().map(r -> view(r, r.version())).toList());
    }

    @Override
    public RegionView region(String id) {
        return useCases.read(null, () -> {
            RegionId regionId = RegionId.of(id);
            Region region = stores.regions().find(regionId).orElseThrow(() -> new NotFoundException("region", id));
            return view(region, region.version());
        });
    }

    @Override
    public List<DataCenterView> dataCenters(String region) {
        return useCases.read(null, () -> {
            Optional<RegionId> regionId = Optional.ofNullable(region).map(RegionId::of);
            return stores.dataCenters().list(regionId).stream().map(dc -> view(dc, dc.version())).toList();
        });
    }

    @Override
    public DataCenterView dataCenter(String id) {
        return useCases.read(null, () -> {
            DataCenterId dcId = DataCenterId.of(id);
            DataCenter dc = stores.dataCenters().find(dcId).orElseThrow(() -> new NotFoundException("data-center", id));
            return view(dc, dc.version());
        });
    }

    private static RegionView view(Region region, long version) {
        return new RegionView(region.id().value(), region.name(), version);
    }

    private DataCenterView view(DataCenter dc, long version) {
        Map<PipelineStage, Long> stages = new EnumMap<>(PipelineStage.class);
        long undeployed = 0;
        for (ServerBatch batch : stores.batches().list(Optional.of(dc.id()))) {
            batch.byStage().forEach((stage, n) -> stages.merge(stage, n, Long::sum));
            undeployed += batch.undeployed();
        }
        Map<String, Long> byStage = new LinkedHashMap<>();
        for (PipelineStage stage : PipelineStage.values()) {
            byStage.put(stage.name(), stages.getOrDefault(stage, 0L));
        }
        return new DataCenterView(dc.id().value(), dc.region().value(), dc.name(), dc.powerCapacity().kilowatts(),
                dc.powerInUse().kilowatts(), dc.headroom().kilowatts(), dc.throughputPerWeek(), byStage, undeployed,
                version);
    }
}
