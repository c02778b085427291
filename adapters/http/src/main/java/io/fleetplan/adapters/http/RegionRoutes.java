package io.fleetplan.adapters.http;

import io.fleetplan.application.port.in.region.ChangeDataCenter;
import io.fleetplan.application.port.in.region.DataCenterView;
import io.fleetplan.application.port.in.region.RegionView;
import io.fleetplan.application.port.in.region.RegisterDataCenter;
import io.fleetplan.application.port.in.region.RegisterRegion;

import java.math.BigDecimal;
import java.util.List;

import static io.fleetplan.adapters.http.Route.Response.list;
import static io.fleetplan.adapters.http.Route.Response.one;

/** Regions and their data centres: power capacity and deployment throughput. */
final class RegionRoutes {
    private static final String TAG = "regions";

    private RegionRoutes() {
    }

    /** A data centre to register. */
    record DataCenterRequest(String id, String region, String name, BigDecimal powerCapacityKw,
                             Long throughputPerWeek) {
    }

    /** New power capacity and throughput for a data centre (a full replacement of both figures). */
    record DataCenterChange(BigDecimal powerCapacityKw, Long throughputPerWeek, String reason) {
    }

    static List<Route> routes(Endpoints e) {
        return List.of(
                Route.get("/api/v1/regions").id("listRegions", "List regions").tag(TAG).access(Access.READ)
                        .returns(list(RegionView.class))
                        .handle(call -> Reply.ok(new Listing.Items(e.regionQueries().regions()))),
                Route.post("/api/v1/regions").id("registerRegion", "Register a region").tag(TAG)
                        .access(Access.OPERATE).body(RegisterRegion.Command.class, RegisterRegion.Command.class)
                        .idempotent().returns(one(201, RegionView.class))
                        .handle(call -> {
                            RegionView view = e.registerRegion().register(call.caller().actor(),
                                    call.body(RegisterRegion.Command.class));
                            return Reply.created(view, "/api/v1/regions/" + view.id());
                        }),
                Route.get("/api/v1/regions/{id}").id("getRegion", "Get a region").tag(TAG).access(Access.READ)
                        .param(Param.path("id", "region id, such as cn-hangzhou")).returns(one(200, RegionView.class))
                        .handle(call -> Reply.ok(e.regionQueries().region(call.path("id")))),
                Route.get("/api/v1/data-centers").id("listDataCenters", "List data centres").tag(TAG)
                        .access(Access.READ).param(Param.query("region", "only those of this region"))
                        .returns(list(DataCenterView.class))
                        .handle(call -> Reply.ok(new Listing.Items(
                                e.regionQueries().dataCenters(call.queryOrNull("region"))))),
                Route.post("/api/v1/data-centers").id("registerDataCenter", "Register a data centre").tag(TAG)
                        .access(Access.OPERATE).body(DataCenterRequest.class, RegisterDataCenter.Command.class)
                        .idempotent().returns(one(201, DataCenterView.class))
                        .handle(call -> {
                            DataCenterRequest body = call.body(DataCenterRequest.class);
                            DataCenterView view = e.registerDataCenter().register(call.caller().actor(),
                                    new RegisterDataCenter.Command(body.id(), body.region(), body.name(),
                                            body.powerCapacityKw(), body.throughputPerWeek()));
                            return Reply.created(view, "/api/v1/data-centers/" + view.id()).tagged(view.version());
                        }),
                Route.get("/api/v1/data-centers/{id}").id("getDataCenter", "Get a data centre").tag(TAG)
                        .access(Access.READ).param(Param.path("id", "data centre id")).tagged()
                        .returns(one(200, DataCenterView.class))
                        .handle(call -> {
                            DataCenterView view = e.regionQueries().dataCenter(call.path("id"));
                            return Reply.ok(view).tagged(view.version());
                        }),
                Route.put("/api/v1/data-centers/{id}").id("changeDataCenter",
                                "Change a data centre's power capacity and deployment throughput").tag(TAG)
                        .access(Access.OPERATE).param(Param.path("id", "data centre id"))
                        .body(DataCenterChange.class, ChangeDataCenter.Command.class).ifMatch()
                        .returns(one(200, DataCenterView.class))
                        .handle(call -> {
                            DataCenterChange body = call.body(DataCenterChange.class);
                            DataCenterView view = e.changeDataCenter().change(call.caller().actor(),
                                    new ChangeDataCenter.Command(call.path("id"), body.powerCapacityKw(),
                                            body.throughputPerWeek(), call.expectedVersion(), body.reason()));
                            return Reply.ok(view).tagged(view.version());
                        }));
    }
}
