package io.fleetplan.adapters.http;

import io.fleetplan.application.port.in.fleet.AcceleratorTypeView;
import io.fleetplan.application.port.in.fleet.AdvancePipeline;
import io.fleetplan.application.port.in.fleet.BatchView;
import io.fleetplan.application.port.in.fleet.OrderServerBatch;
import io.fleetplan.application.port.in.fleet.RegisterAcceleratorType;
import io.fleetplan.application.port.in.fleet.RegisterServerSku;
import io.fleetplan.application.port.in.fleet.ServerSkuView;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static io.fleetplan.adapters.http.Route.Response.list;
import static io.fleetplan.adapters.http.Route.Response.one;

/** The fleet: accelerator types, server SKUs, and server batches moving down the deployment pipeline. */
final class FleetRoutes {
    private static final String TAG = "fleet";

    private FleetRoutes() {
    }

    record AcceleratorTypeRequest(String id, String vendor, Integer memoryGib) {
    }

    record ServerSkuRequest(String id, String name, String acceleratorType, Integer acceleratorsPerServer,
                            BigDecimal powerPerServerKw, BigDecimal unitCost, String currency) {
    }

    /** Servers of one SKU bought for one data centre; {@code id} is generated when absent. */
    record BatchRequest(String id, String sku, String dataCenter, Long quantity, String expectedDelivery) {
    }

    /** How many servers of a batch take this pipeline step, and why. */
    record PipelineStepRequest(Long servers, String reason) {
    }

    static List<Route> routes(Endpoints e) {
        List<Route> routes = new ArrayList<>(List.of(
                Route.get("/api/v1/accelerator-types").id("listAcceleratorTypes", "List accelerator types").tag(TAG)
                        .access(Access.READ).returns(list(AcceleratorTypeView.class))
                        .handle(call -> Reply.ok(new Listing.Items(e.fleetQueries().acceleratorTypes()))),
                Route.post("/api/v1/accelerator-types").id("registerAcceleratorType",
                                "Register an accelerator type (opens its GPU pool in every region)").tag(TAG)
                        .access(Access.OPERATE)
                        .body(AcceleratorTypeRequest.class, RegisterAcceleratorType.Command.class).idempotent()
                        .returns(one(201, AcceleratorTypeView.class))
                        .handle(call -> {
                            AcceleratorTypeRequest body = call.body(AcceleratorTypeRequest.class);
                            AcceleratorTypeView view = e.registerAcceleratorType().register(call.caller().actor(),
                                    new RegisterAcceleratorType.Command(body.id(), body.vendor(), body.memoryGib()));
                            return Reply.created(view, "/api/v1/accelerator-types");
                        }),
                Route.get("/api/v1/skus").id("listSkus", "List server SKUs").tag(TAG).access(Access.READ)
                        .returns(list(ServerSkuView.class))
                        .handle(call -> Reply.ok(new Listing.Items(e.fleetQueries().skus()))),
                Route.post("/api/v1/skus").id("registerSku", "Register a server SKU").tag(TAG)
                        .access(Access.OPERATE).body(ServerSkuRequest.class, RegisterServerSku.Command.class)
                        .idempotent().returns(one(201, ServerSkuView.class))
                        .handle(call -> {
                            ServerSkuRequest b = call.body(ServerSkuRequest.class);
                            ServerSkuView view = e.registerServerSku().register(call.caller().actor(),
                                    new RegisterServerSku.Command(b.id(), b.name(), b.acceleratorType(),
                                            b.acceleratorsPerServer(), b.powerPerServerKw(), b.unitCost(),
                                            b.currency()));
                            return Reply.created(view, "/api/v1/skus");
                        }),
                Route.get("/api/v1/batches").id("listBatches", "List server batches").tag(TAG).access(Access.READ)
                        .param(Param.query("dataCenter", "only those bought for this data centre"))
                        .returns(list(BatchView.class))
                        .handle(call -> Reply.ok(new Listing.Items(
                                e.fleetQueries().batches(call.queryOrNull("dataCenter"))))),
                Route.post("/api/v1/batches").id("orderBatch", "Order a batch of servers for a data centre").tag(TAG)
                        .access(Access.OPERATE).body(BatchRequest.class, OrderServerBatch.Command.class).idempotent()
                        .returns(one(201, BatchView.class))
                        .handle(call -> {
                            BatchRequest b = call.body(BatchRequest.class);
                            BatchView view = e.orderServerBatch().order(call.caller().actor(),
                                    new OrderServerBatch.Command(b.id(), b.sku(), b.dataCenter(), b.quantity(),
                                            b.expectedDelivery()));
                            return Reply.created(view, "/api/v1/batches/" + view.id());
                        }),
                Route.get("/api/v1/batches/{id}").id("getBatch", "Get a server batch").tag(TAG).access(Access.READ)
                        .param(Param.path("id", "batch id")).returns(one(200, BatchView.class))
                        .handle(call -> Reply.ok(e.fleetQueries().batch(call.path("id"))))));
        routes.add(step(e, "deliveries", "recordDelivery", "Record servers of a batch delivered to site",
                AdvancePipeline.Step.DELIVER));
        routes.add(step(e, "installations", "recordInstallation",
                "Record servers of a batch installed (racked and powered; refused beyond the site's power)",
                AdvancePipeline.Step.INSTALL));
        routes.add(step(e, "activations", "recordActivation",
                "Record servers of a batch put in service (grows the GPU pool, drains its backlog)",
                AdvancePipeline.Step.ACTIVATE));
        routes.add(step(e, "retirements", "recordRetirement",
                "Record servers of a batch retired (shrinks the GPU pool; never refused)", AdvancePipeline.Step.RETIRE));
        return routes;
    }

    private static Route step(Endpoints e, String resource, String operationId, String summary,
                              AdvancePipeline.Step step) {
        return Route.post("/api/v1/batches/{id}/" + resource).id(operationId, summary).tag(TAG)
                .access(Access.OPERATE).param(Param.path("id", "batch id"))
                .body(PipelineStepRequest.class, AdvancePipeline.Command.class).idempotent()
                .returns(one(200, BatchView.class))
                .handle(call -> {
                    PipelineStepRequest b = call.body(PipelineStepRequest.class);
                    return Reply.ok(e.advancePipeline().advance(call.caller().actor(),
                            new AdvancePipeline.Command(call.path("id"), step, b.servers(), b.reason())));
                });
    }
}
