package io.fleetplan.domain.shared;

import java.util.regex.Pattern;

/** A cloud region id such as {@code cn-hangzhou}. */
public record RegionId(String value) implements Comparable<RegionId> {
    private static final Pattern FORMAT = Pattern.compile("^[a-z]{2}(-[a-z0-9]+)+$");

    public RegionId {
        Require.matches(value, FORMAT, "regionId", "a region id such as cn-hangzhou or ap-southeast-1");
    }

    public static RegionId of(String value) {
        return new RegionId(value);
    }

    @Override
    public int compareTo(RegionId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
