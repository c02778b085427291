package io.fleetplan.domain.gpu;

import java.util.List;

/**
 * The priority tier of a capacity order, the same in every pool. Lower rank is served first:
 * the cloud's own model training before its model platform before GPUs leased to third parties.
 */
public enum WorkloadClass {
    INTERNAL_TRAINING,
    MODEL_PLATFORM,
    EXTERNAL_LEASE;

    private static final List<WorkloadClass> ALL = List.of(values());

    /** 0 for the highest tier. */
    public int rank() {
        return ordinal();
    }

    public boolean isHigherThan(WorkloadClass other) {
        return rank() < other.rank();
    }

    /** Every tier, highest first. */
    public static List<WorkloadClass> highestFirst() {
        return ALL;
    }

    /** Internal demand (training and the model platform) is served before leasing. */
    public boolean isInternal() {
        return this != EXTERNAL_LEASE;
    }
}
