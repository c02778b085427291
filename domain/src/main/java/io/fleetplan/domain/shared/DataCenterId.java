package io.fleetplan.domain.shared;

import java.util.regex.Pattern;

/** A data centre id, unique across regions, such as {@code hz-a}. */
public record DataCenterId(String value) implements Comparable<DataCenterId> {
    private static final Pattern FORMAT = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");

    public DataCenterId {
        Require.matches(value, FORMAT, "dataCenterId", "a data centre id of lower-case letters, digits and dashes (at most 63)");
    }

    public static DataCenterId of(String value) {
        return new DataCenterId(value);
    }

    @Override
    public int compareTo(DataCenterId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
