package io.fleetplan.application.port.in.gpu;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A GPU pool's figures. Maps are keyed by tier name.
 *
 * @param backlogGpus        GPUs asked for by pending orders
 * @param effectiveReserved  reservations as they hold now (only what exists after a capacity loss)
 * @param pendingOrders      pending orders per tier (a count)
 * @param pendingGpus        pending GPUs per tier: the backlog by tier
 */
public record PoolView(String id, String region, String acceleratorType, long capacity, long allocated, long free,
                       long backlogGpus, Map<String, Long> allocatedByTier, Map<String, Long> reserved,
                       Map<String, Long> effectiveReserved, Map<String, Long> pendingOrders,
                       Map<String, Long> pendingGpus, String queueing, boolean preemption, long version) {
    public PoolView {
        allocatedByTier = Collections.unmodifiableMap(new LinkedHashMap<>(allocatedByTier));
        reserved = Collections.unmodifiableMap(new LinkedHashMap<>(reserved));
        effectiveReserved = Collections.unmodifiableMap(new LinkedHashMap<>(effectiveReserved));
        pendingOrders = Collections.unmodifiableMap(new LinkedHashMap<>(pendingOrders));
        pendingGpus = Collections.unmodifiableMap(new LinkedHashMap<>(pendingGpus));
    }
}
