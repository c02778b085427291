package io.fleetplan.adapters.http;

import io.fleetplan.application.port.in.events.EventView;
import io.fleetplan.application.port.in.events.ListEvents;

import java.util.List;

import static io.fleetplan.adapters.http.Route.Response.page;

/** The event log: every decision, who made it, when and why. */
final class EventRoutes {
    private EventRoutes() {
    }

    static List<Route> routes(Endpoints e) {
        return List.of(Route.get("/api/v1/events").id("listEvents", "List the event log, oldest first").tag("events")
                .access(Access.READ)
                .param(Param.query("subject", "only events about this id"))
                .param(Param.query("type", "only events of this type, such as ORDER_ALLOCATED"))
                .param(Param.instant("from", "at or after"))
                .param(Param.instant("to", "before"))
                .param(Param.limit()).param(Param.cursor())
                .returns(page(EventView.class))
                .handle(call -> Reply.ok(Listing.Paged.of(e.listEvents().events(new ListEvents.Query(
                        call.queryOrNull("subject"), call.queryOrNull("type"), call.instant("from"),
                        call.instant("to"), call.limit(), call.queryOrNull("cursor")))))));
    }
}
