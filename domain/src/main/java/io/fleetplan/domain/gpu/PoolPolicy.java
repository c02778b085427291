package io.fleetplan.domain.gpu;

import io.fleetplan.domain.shared.Require;

/** How a pool admits orders: the queueing mode and whether higher tiers may preempt lower ones. */
public record PoolPolicy(QueueingMode queueing, boolean preemption) {
    public static final PoolPolicy DEFAULT = new PoolPolicy(QueueingMode.BEST_EFFORT_FIFO, true);

    public PoolPolicy {
        Require.present(queueing, "queueing");
    }
}
