package io.fleetplan.domain.gpu;

/**
 * Where a capacity order is in its life. A preempted order goes back to {@link #PENDING} with its
 * original submitted-at, so preemption is a transition, not a state.
 */
public enum OrderStatus {
    PENDING,
    ALLOCATED,
    RELEASED,
    CANCELLED;

    public boolean isFinal() {
        return this == RELEASED || this == CANCELLED;
    }
}
