package io.fleetplan.application.port.out;

import io.fleetplan.domain.gpu.CapacityOrder;
import io.fleetplan.domain.gpu.OrderBook;
import io.fleetplan.domain.shared.OrderId;
import io.fleetplan.domain.shared.TenantId;

import java.util.List;
import java.util.Optional;

/**
 * The capacity orders. Admission reads and writes them through {@link OrderBook} while holding
 * their pool; order versions are not checked here because the pool lock already serialises them.
 */
public interface CapacityOrders extends OrderBook {
    Optional<CapacityOrder> find(OrderId id);

    /** The order a tenant submitted with this idempotency key, if any: keys are unique per tenant. */
    Optional<CapacityOrder> findByIdempotencyKey(TenantId tenant, String key);

    /**
     * Up to {@code limit} orders matching the filter, in (submitted-at, id) order, after
     * {@code after} when present.
     */
    List<CapacityOrder> list(OrderFilter filter, Optional<CapacityOrder> after, int limit);
}
