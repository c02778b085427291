package io.fleetplan.adapters.http;

import io.fleetplan.application.port.in.Page;
import io.fleetplan.application.port.in.access.Principal;
import io.fleetplan.application.port.in.events.EventView;
import io.fleetplan.application.port.in.events.ListEvents;
import io.fleetplan.domain.access.Role;

import java.util.List;
import java.util.Locale;

import static io.fleetplan.adapters.http.Route.Response.page;

/**
 * The event log: every decision, who made it, when and why. Staff read all of it; a tenant token
 * reads the events of its own orders, one order at a time (another tenant's order is a 404).
 */
final class EventRoutes {
    /** What a tenant sees as the actor of a change made by another tenant's token. */
    static final String ANOTHER_TOKEN = "(another token)";
    private static final String TAG = "events";

    private EventRoutes() {
    }

    static List<Route> routes(Endpoints e) {
        return List.of(Route.get("/api/v1/events").id("listEvents", "List the event log, oldest first").tag(TAG)
                        .access(Access.READ)
                        .param(Param.query("subject", "only events about this id"))
                        .param(Param.query("type", "only events of this type, such as ORDER_ALLOCATED"))
                        .param(Param.instant("from", "at or after"))
                        .param(Param.instant("to", "before"))
                        .param(Param.limit()).param(Param.cursor())
                        .returns(page(EventView.class))
                        .handle(call -> Reply.ok(Listing.Paged.of(e.listEvents().events(new ListEvents.Query(
                                call.queryOrNull("subject"), call.queryOrNull("type"), call.instant("from"),
                                call.instant("to"), call.limit(), call.queryOrNull("cursor")))))),
                Route.get("/api/v1/orders/{id}/events").id("listOrderEvents",
                                "List an order's events, oldest first (tenants: their own orders)").tag(TAG)
                        .access(Access.READ_ORDERS)
                        .param(Param.path("id", "order id"))
                        .param(Param.query("type", "only events of this type, such as ORDER_ALLOCATED"))
                        .param(Param.instant("from", "at or after"))
                        .param(Param.instant("to", "before"))
                        .param(Param.limit()).param(Param.cursor())
                        .returns(page(EventView.class))
                        .handle(call -> {
                            String id = OrderRoutes.visible(e, call, call.path("id")).id();
                            Page<EventView> found = e.listEvents().events(new ListEvents.Query(id,
                                    call.queryOrNull("type"), call.instant("from"), call.instant("to"), call.limit(),
                                    call.queryOrNull("cursor")));
                            Principal caller = call.caller();
                            if (caller.tenant().isPresent()) {
                                found = new Page<>(found.items().stream().map(v -> withheld(v, caller)).toList(),
                                        found.nextCursor());
                            }
                            return Reply.ok(Listing.Paged.of(found));
                        }));
    }

    /**
     * The event as a tenant may see it: a change made by another tenant token (such as a release
     * that let this order in, or a preemption) keeps its role but not the token's name.
     */
    private static EventView withheld(EventView event, Principal caller) {
        String tenantRole = Role.TENANT.name().toLowerCase(Locale.ROOT);
        if (!tenantRole.equals(event.role()) || event.actor().equals(caller.name())) {
            return event;
        }
        return new EventView(event.sequence(), event.at(), ANOTHER_TOKEN, event.role(), event.type(), event.subject(),
                event.details(), event.reason());
    }
}
