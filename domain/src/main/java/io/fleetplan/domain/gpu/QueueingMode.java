package io.fleetplan.domain.gpu;

/** How a pool's backlog is served. */
public enum QueueingMode {
    /** A later order that fits may go ahead of an earlier one that does not (the default). */
    BEST_EFFORT_FIFO,
    /** No order is admitted while an order ahead of it in (tier, submitted-at) order waits. */
    STRICT_FIFO
}
