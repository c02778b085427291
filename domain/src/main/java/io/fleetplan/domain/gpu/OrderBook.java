package io.fleetplan.domain.gpu;

import io.fleetplan.domain.shared.PoolId;

import java.util.List;
import java.util.Optional;

/**
 * The orders of a pool as admission needs to see them. A store implements it; the pool calls it
 * while it decides, inside one transaction that holds the pool. Writes are applied at once and
 * every later read sees them (read your writes). Reads are pages in a fixed order, continued
 * after the last order of the previous page (keyset paging), so that a large backlog is never
 * loaded whole.
 */
public interface OrderBook {

    /**
     * Up to {@code limit} pending orders of the pool in exactly this tier whose size is at most
     * {@code maxSize}, in (submitted-at, sequence) order, after {@code after} when present.
     */
    List<CapacityOrder> pending(PoolId pool, WorkloadClass tier, long maxSize, Optional<CapacityOrder> after,
                                int limit);

    /**
     * Up to {@code limit} allocated orders of the pool in tier {@code highest} or any lower tier,
     * in {@link CapacityOrder#PREEMPTION_ORDER} (lowest tier first, newest admission first), after
     * {@code after} when present.
     */
    List<CapacityOrder> preemptionCandidates(PoolId pool, WorkloadClass highest, Optional<CapacityOrder> after,
                                             int limit);

    /** Stores a new order. */
    void add(CapacityOrder order);

    /** Stores a changed order. */
    void update(CapacityOrder order);
}
