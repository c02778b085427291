package io.fleetplan.adapters.http;

import io.fleetplan.application.port.in.Page;
import io.fleetplan.application.port.in.access.Principal;
import io.fleetplan.application.port.in.gpu.CancelOrder;
import io.fleetplan.application.port.in.gpu.ListOrdersQuery;
import io.fleetplan.application.port.in.gpu.OrderView;
import io.fleetplan.application.port.in.gpu.SubmitOrder;
import io.fleetplan.domain.shared.NotFoundException;

import java.util.List;
import java.util.Optional;

import static io.fleetplan.adapters.http.Route.Response.one;
import static io.fleetplan.adapters.http.Route.Response.page;

/**
 * Capacity orders. A tenant token works on its own tenant's orders only: it submits for its tenant,
 * lists only its orders, and another tenant's order does not exist for it (404, never 403).
 */
final class OrderRoutes {
    private static final String TAG = "orders";

    private OrderRoutes() {
    }

    /** N GPUs of a pool for a tenant, in a tier. A tenant token may leave out {@code tenant}. */
    record OrderRequest(String region, String acceleratorType, @MayOmit String tenant, String tier, Long gpus) {
    }

    record CancelRequest(String reason) {
    }

    static List<Route> routes(Endpoints e) {
        return List.of(
                Route.post("/api/v1/orders").id("submitOrder",
                                "Submit a capacity order (admitted now if the rules allow, else queued)").tag(TAG)
                        .access(Access.WRITE_ORDERS).body(OrderRequest.class, SubmitOrder.Command.class).idempotent()
                        .returns(one(201, OrderView.class))
                        .handle(call -> {
                            OrderRequest b = call.body(OrderRequest.class);
                            Principal caller = call.caller();
                            String tenant = b.tenant();
                            if (caller.tenant().isPresent()) {
                                if (tenant == null) {
                                    tenant = caller.tenant().get();
                                } else if (!tenant.equals(caller.tenant().get())) {
                                    throw new HttpProblem(403, "tenant-mismatch",
                                            "this token submits orders for its own tenant only");
                                }
                            }
                            OrderView view = e.submitOrder().submit(caller.actor(), new SubmitOrder.Command(
                                    b.region(), b.acceleratorType(), tenant, b.tier(), b.gpus(),
                                    call.idempotencyKey().orElse(null)));
                            Reply reply = Reply.created(view, "/api/v1/orders/" + view.id());
                            return view.replayed() ? reply.with("Idempotent-Replayed", "true") : reply;
                        }),
                Route.get("/api/v1/orders").id("listOrders", "List orders, oldest first").tag(TAG)
                        .access(Access.READ_ORDERS)
                        .param(Param.query("region", "region id"))
                        .param(Param.query("acceleratorType", "accelerator type id"))
                        .param(Param.query("tier", "INTERNAL_TRAINING, MODEL_PLATFORM or EXTERNAL_LEASE"))
                        .param(Param.query("status", "PENDING, ALLOCATED, RELEASED or CANCELLED"))
                        .param(Param.query("tenant", "tenant id (a tenant token sees only its own)"))
                        .param(Param.instant("from", "submitted at or after"))
                        .param(Param.instant("to", "submitted before"))
                        .param(Param.limit()).param(Param.cursor())
                        .returns(page(OrderView.class))
                        .handle(call -> {
                            Optional<String> own = call.caller().tenant();
                            String tenant = call.queryOrNull("tenant");
                            ListOrdersQuery query = new ListOrdersQuery(call.queryOrNull("region"),
                                    call.queryOrNull("acceleratorType"), call.queryOrNull("tier"),
                                    call.queryOrNull("status"), own.orElse(tenant), call.instant("from"),
                                    call.instant("to"), call.limit(), call.queryOrNull("cursor"));
                            Page<OrderView> found = e.orderQueries().orders(query);
                            if (own.isPresent() && tenant != null && !tenant.equals(own.get())) {
                                found = new Page<>(List.of(), Optional.empty());
                            }
                            return Reply.ok(Listing.Paged.of(found));
                        }),
                Route.get("/api/v1/orders/{id}").id("getOrder", "Get an order").tag(TAG).access(Access.READ_ORDERS)
                        .param(Param.path("id", "order id")).returns(one(200, OrderView.class))
                        .handle(call -> Reply.ok(visible(e, call, call.path("id")))),
                Route.post("/api/v1/orders/{id}/cancel").id("cancelOrder",
                                "Cancel an order: withdraw it from the backlog or give back its GPUs").tag(TAG)
                        .access(Access.WRITE_ORDERS).param(Param.path("id", "order id"))
                        .optionalBody(CancelRequest.class, CancelOrder.Command.class).idempotent()
                        .returns(one(200, OrderView.class))
                        .handle(call -> {
                            String id = call.path("id");
                            visible(e, call, id);
                            CancelRequest b = call.body(CancelRequest.class);
                            return Reply.ok(e.cancelOrder().cancel(call.caller().actor(),
                                    new CancelOrder.Command(id, b == null ? null : b.reason())));
                        }),
                Route.post("/api/v1/orders/{id}/release").id("releaseOrder",
                                "Release an allocated order's GPUs back to the pool").tag(TAG)
                        .access(Access.WRITE_ORDERS).param(Param.path("id", "order id")).idempotent()
                        .returns(one(200, OrderView.class))
                        .handle(call -> {
                            String id = call.path("id");
                            visible(e, call, id);
                            return Reply.ok(e.releaseOrder().release(call.caller().actor(),
                                    new io.fleetplan.application.port.in.gpu.ReleaseOrder.Command(id)));
                        }));
    }

    /** The order, if the caller may see it: another tenant's order is reported as not existing. */
    static OrderView visible(Endpoints e, Call call, String id) {
        OrderView order = e.orderQueries().order(id);
        Optional<String> own = call.caller().tenant();
        if (own.isPresent() && !own.get().equals(order.tenant())) {
            throw new NotFoundException("order", id);
        }
        return order;
    }
}
