package io.fleetplan.domain.shared;

/** A GPU pool is identified by its region and accelerator type: {@code cn-hangzhou/H20}. */
public record PoolId(RegionId region, AcceleratorTypeId accelerator) implements Comparable<PoolId> {
    public PoolId {
        Require.present(region, "region");
        Require.present(accelerator, "acceleratorType");
    }

    public static PoolId of(String region, String accelerator) {
        return new PoolId(RegionId.of(region), AcceleratorTypeId.of(accelerator));
    }

    /** Parses the {@code region/ACCELERATOR} form that {@link #toString()} writes. */
    public static PoolId parse(String text) {
        Require.present(text, "poolId");
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new InvalidValueException("poolId", "pool id '" + text + "' is not of the form cn-hangzhou/H20");
        }
        return of(text.substring(0, slash), text.substring(slash + 1));
    }

    @Override
    public int compareTo(PoolId other) {
        int c = region.compareTo(other.region);
        return c != 0 ? c : accelerator.compareTo(other.accelerator);
    }

    @Override
    public String toString() {
        return region + "/" + accelerator;
    }
}
