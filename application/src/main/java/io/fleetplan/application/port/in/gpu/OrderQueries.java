package io.fleetplan.application.port.in.gpu;

import io.fleetplan.application.port.in.Page;

import java.util.List;

/** Reads pools, orders and backlogs. Unknown ids fail with {@link io.fleetplan.domain.shared.NotFoundException}. */
public interface OrderQueries {
    OrderView order(String id);

    Page<OrderView> orders(ListOrdersQuery query);

    PoolView pool(String region, String acceleratorType);

    List<PoolView> pools();

    /** The pool's pending orders in the order they will be served: tier, then submitted-at. */
    Page<OrderView> backlog(String region, String acceleratorType, int limit, String cursor);
}
