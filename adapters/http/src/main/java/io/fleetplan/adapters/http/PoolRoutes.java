package io.fleetplan.adapters.http;

import io.fleetplan.application.port.in.gpu.OrderView;
import io.fleetplan.application.port.in.gpu.PoolView;
import io.fleetplan.application.port.in.gpu.SetPoolPolicy;
import io.fleetplan.application.port.in.gpu.SetReservation;

import java.util.List;

import static io.fleetplan.adapters.http.Route.Response.list;
import static io.fleetplan.adapters.http.Route.Response.one;
import static io.fleetplan.adapters.http.Route.Response.page;

/** GPU pools: figures, per-tier reservations, the queueing policy, and the backlog in serving order. */
final class PoolRoutes {
    private static final String TAG = "pools";
    private static final String POOL = "/api/v1/pools/{region}/{acceleratorType}";

    private PoolRoutes() {
    }

    /** GPUs held for a tier (0 lifts the reservation). */
    record ReservationRequest(Long gpus, String reason) {
    }

    record PolicyRequest(String queueing, Boolean preemption, String reason) {
    }

    static List<Route> routes(Endpoints e) {
        return List.of(
                Route.get("/api/v1/pools").id("listPools", "List GPU pools").tag(TAG).access(Access.READ)
                        .returns(list(PoolView.class))
                        .handle(call -> Reply.ok(new Listing.Items(e.orderQueries().pools()))),
                Route.get(POOL).id("getPool", "Get a GPU pool").tag(TAG).access(Access.READ)
                        .param(region()).param(accelerator()).tagged().returns(one(200, PoolView.class))
                        .handle(call -> {
                            PoolView view = e.orderQueries().pool(call.path("region"), call.path("acceleratorType"));
                            return Reply.ok(view).tagged(view.version());
                        }),
                Route.put(POOL + "/reservations/{tier}").id("setReservation", "Hold GPUs of a pool for a tier")
                        .tag(TAG).access(Access.OPERATE).param(region()).param(accelerator())
                        .param(Param.path("tier", "INTERNAL_TRAINING, MODEL_PLATFORM or EXTERNAL_LEASE"))
                        .body(ReservationRequest.class, SetReservation.Command.class).ifMatch()
                        .returns(one(200, PoolView.class))
                        .handle(call -> {
                            ReservationRequest b = call.body(ReservationRequest.class);
                            PoolView view = e.setReservation().reserve(call.caller().actor(),
                                    new SetReservation.Command(call.path("region"), call.path("acceleratorType"),
                                            call.path("tier"), b.gpus(), call.expectedVersion(), b.reason()));
                            return Reply.ok(view).tagged(view.version());
                        }),
                Route.put(POOL + "/policy").id("setPoolPolicy", "Set how a pool queues and whether tiers preempt")
                        .tag(TAG).access(Access.OPERATE).param(region()).param(accelerator())
                        .body(PolicyRequest.class, SetPoolPolicy.Command.class).ifMatch()
                        .returns(one(200, PoolView.class))
                        .handle(call -> {
                            PolicyRequest b = call.body(PolicyRequest.class);
                            PoolView view = e.setPoolPolicy().setPolicy(call.caller().actor(),
                                    new SetPoolPolicy.Command(call.path("region"), call.path("acceleratorType"),
                                            b.queueing(), b.preemption(), call.expectedVersion(), b.reason()));
                            return Reply.ok(view).tagged(view.version());
                        }),
                Route.get(POOL + "/backlog").id("getBacklog", "List a pool's pending orders in serving order")
                        .tag(TAG).access(Access.READ).param(region()).param(accelerator()).param(Param.limit())
                        .param(Param.cursor()).returns(page(OrderView.class))
                        .handle(call -> {
                            int limit = call.limit();
                            if (limit < 1 || limit > Call.MAX_LIMIT) {
                                throw HttpProblem.badRequest("limit", "must be from 1 to " + Call.MAX_LIMIT);
                            }
                            return Reply.ok(Listing.Paged.of(e.orderQueries().backlog(call.path("region"),
                                    call.path("acceleratorType"), limit, call.queryOrNull("cursor"))));
                        }));
    }

    private static Param region() {
        return Param.path("region", "region id, such as cn-hangzhou");
    }

    private static Param accelerator() {
        return Param.path("acceleratorType", "accelerator type id, such as H20");
    }
}
